#include "engine/input/read_in_one_pass.hpp"

#include "dsl/utf8.hpp"
#include "engine/calendar/civil_time.hpp"
#include "engine/evaluate/value_buffer.hpp"
#include "frontdoor/input_limits.hpp"

#include <simdjson.h>

#include <cstring>
#include <vector>

namespace frontdoor::engine {

namespace {

namespace od = simdjson::ondemand;
using dsl::TypeKind;
using dsl::TypeRef;

// Every scalar is judged from its raw token by the rules of the two-pass reader
// (engine/json/json_document.cpp), not by simdjson's: simdjson only finds where tokens are.
std::string_view trimmed(std::string_view token) {
    while (!token.empty() &&
           (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r'))
        token.remove_suffix(1);
    return token;
}

// A whole number as the two-pass reader reads one: an optional '-', digits without a leading
// zero, no fraction, no exponent, within int64 ("-0" is 0). Anything else is not read here.
bool whole_number(std::string_view token, std::int64_t& out) {
    std::size_t at = 0;
    bool negative = at < token.size() && token[at] == '-';
    if (negative) ++at;
    if (at >= token.size() || (token[at] == '0' && at + 1 < token.size())) return false;
    std::uint64_t magnitude = 0;
    for (; at < token.size(); ++at) {
        if (token[at] < '0' || token[at] > '9') return false;
        auto digit = static_cast<std::uint64_t>(token[at] - '0');
        if (magnitude > (UINT64_MAX - digit) / 10) return false;
        magnitude = magnitude * 10 + digit;
    }
    std::uint64_t limit = negative ? static_cast<std::uint64_t>(INT64_MAX) + 1 : static_cast<std::uint64_t>(INT64_MAX);
    if (magnitude > limit) return false;
    out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return true;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

class OnePassReader {
public:
    OnePassReader(const CompiledPack& pack, std::string& scratch, DecisionArena* arena)
        : pack_(pack), scratch_(scratch), arena_(arena) {}

    bool record(int index, od::object object, int depth, Value& out) {
        const dsl::RecordInfo& info = pack_.checked->records[index];
        const std::size_t count = info.fields.size();
        if (count > 64 || count >= limits_.object_members) return false;  // one bit per field given
        const NameTable& names = pack_.field_tables[index];
        Value* fields;
        Value record = Value::with_items(Value::Kind::record, count, fields, arena_);
        std::uint64_t given = 0;
        for (auto member_or_error : object) {
            od::field member;
            if (std::move(member_or_error).get(member)) return false;
            int f = names.find(plain_key(member.key()));
            if (f < 0) return false;  // unknown, or a name with an escape: the two-pass reader says
            std::uint64_t bit = std::uint64_t{1} << f;
            if (given & bit) return false;  // a key given twice
            given |= bit;
            const dsl::FieldInfo& field = info.fields[static_cast<std::size_t>(f)];
            od::value json = member.value();
            if (!counted(depth + 1)) return false;
            od::json_type type;
            if (json.type().get(type)) return false;
            if (type == od::json_type::null) {
                if (!field.nullable || !is_null(json)) return false;
                continue;  // absent, as with_items left it
            }
            if (!value(field.value_type, json, type, &field, index, f, depth + 1, fields[f])) return false;
        }
        for (std::size_t i = 0; i < count; ++i) {
            if (given & (std::uint64_t{1} << i)) continue;
            if (!info.fields[i].may_be_omitted) return false;
            const Value& default_value = pack_.defaults[static_cast<std::size_t>(index)][i];
            fields[i] = arena_ ? Value::borrowed(default_value) : default_value;
        }
        out = std::move(record);
        return true;
    }

    bool counted(int depth) { return ++values_ < limits_.document_values && depth < limits_.nesting_depth; }

private:
    // A member's name as written, when it has no escape; "" otherwise (no field is called "").
    static std::string_view plain_key(od::raw_json_string key) {
        const char* start = key.raw();
        for (const char* at = start;; ++at) {
            if (*at == '"') return {start, static_cast<std::size_t>(at - start)};
            if (*at == '\\') return {};
        }
    }

    // Each scalar is judged from its raw token, and then consumed through simdjson too: a value left
    // unconsumed is skipped by simdjson's depth counting, which lets a ':' for a ',' through.
    static bool is_null(od::value& json) {
        bool null = false;
        return trimmed(json.raw_json_token()) == "null" && !json.is_null().get(null) && null;
    }

    bool value(const TypeRef& type, od::value& json, od::json_type json_type, const dsl::FieldInfo* field, int record,
               int index, int depth, Value& out) {
        switch (type->kind) {
            case TypeKind::boolean: {
                std::string_view token = trimmed(json.raw_json_token());
                bool truth = false;
                if ((token != "true" && token != "false") || json.get_bool().get(truth) || truth != (token == "true"))
                    return false;
                out = Value::boolean(truth);
                return true;
            }
            case TypeKind::integer: {
                std::int64_t number = 0, consumed = 0;
                if (json_type != od::json_type::number || !whole_number(trimmed(json.raw_json_token()), number) ||
                    json.get_int64().get(consumed) || consumed != number)
                    return false;
                out = Value::integer(number);
                return true;
            }
            case TypeKind::text: {
                std::string_view s;
                if (!text(json, s)) return false;
                if (field && field->syntax && field->syntax->length) {
                    auto [low, high] = *field->syntax->length;
                    auto n = static_cast<std::int64_t>(code_points(s));
                    if (n < low || n > high) return false;
                }
                if (field && record >= 0) {
                    const auto& pattern =
                        pack_.patterns[static_cast<std::size_t>(record)][static_cast<std::size_t>(index)];
                    if (pattern && !pattern->search(s)) return false;
                }
                out = Value::string(s, arena_);
                return true;
            }
            case TypeKind::enumeration: {
                std::string_view s;
                if (!text(json, s)) return false;
                int member = pack_.member_tables[static_cast<std::size_t>(type->decl)].find(s);
                if (member < 0) return false;
                out = Value::enumeration(member);
                return true;
            }
            case TypeKind::date: {
                std::string_view s;
                if (!text(json, s)) return false;
                auto day = time::parse_date(s);
                if (!day) return false;
                out = Value::date(*day);
                return true;
            }
            case TypeKind::datetime: {
                std::string_view s;
                if (!text(json, s)) return false;
                auto instant = time::parse_datetime(s);
                if (!instant) return false;
                out = Value::datetime(*instant);
                return true;
            }
            case TypeKind::record: {
                od::object object;
                if (json_type != od::json_type::object || json.get_object().get(object)) return false;
                return this->record(type->decl, object, depth, out);
            }
            case TypeKind::list:
            case TypeKind::set: return list(type, json, json_type, field, depth, out);
            default: return false;
        }
    }

    bool list(const TypeRef& type, od::value& json, od::json_type json_type, const dsl::FieldInfo* field, int depth,
              Value& out) {
        od::array array;
        if (json_type != od::json_type::array || json.get_array().get(array)) return false;
        const bool bounded = field && field->syntax && field->syntax->at_most;
        const bool unique = type->kind == TypeKind::set || (field && field->syntax && field->syntax->unique);
        ValueBuffer items;
        std::int64_t count = 0;
        for (auto element_or_error : array) {
            od::value element;
            if (std::move(element_or_error).get(element)) return false;
            ++count;
            if (count >= limits_.array_items || (bounded && count > *field->syntax->at_most)) return false;
            if (!counted(depth + 1)) return false;
            od::json_type element_type;
            if (element.type().get(element_type) || element_type == od::json_type::null) return false;
            Value item;
            if (!value(type->element, element, element_type, nullptr, -1, -1, depth + 1, item)) return false;
            if (unique)
                for (std::size_t k = 0; k < items.size(); ++k)
                    if (equal(items.items()[k], item)) return false;
            items.push_back(std::move(item));
        }
        out = type->kind == TypeKind::set ? Value::set(items.items(), arena_) : Value::list(items.items(), arena_);
        return true;
    }

    // A string's text, unescaped as the two-pass reader does; false for anything it would refuse
    // (or that is not a string at all). The view is valid until the next call.
    bool text(od::value& json, std::string_view& out) {
        std::string_view token = trimmed(json.raw_json_token());
        od::raw_json_string consumed;
        if (token.size() < 2 || token.front() != '"' || json.get_raw_json_string().get(consumed)) return false;
        std::size_t at = 1;
        while (at + 8 < token.size() && plain_word(token.data() + at)) at += 8;
        while (at < token.size()) {
            auto c = static_cast<unsigned char>(token[at]);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
            ++at;
        }
        if (at + 1 == token.size() && token[at] == '"') {
            out = token.substr(1, at - 1);
            return out.size() < limits_.text_bytes;
        }
        scratch_.assign(token.data() + 1, at - 1);
        while (true) {
            if (at >= token.size()) return false;
            auto c = static_cast<unsigned char>(token[at]);
            if (c == '"') {
                if (at + 1 != token.size()) return false;
                out = scratch_;
                return out.size() < limits_.text_bytes;
            }
            if (c < 0x20) return false;
            if (c >= 0x80) {
                std::size_t length = dsl::utf8_sequence_length(token, at);
                if (length == 0) return false;
                scratch_.append(token.data() + at, length);
                at += length;
                continue;
            }
            if (c != '\\') {
                scratch_ += static_cast<char>(c);
                ++at;
                continue;
            }
            if (++at >= token.size()) return false;
            switch (token[at++]) {
                case '"': scratch_ += '"'; break;
                case '\\': scratch_ += '\\'; break;
                case '/': scratch_ += '/'; break;
                case 'b': scratch_ += '\b'; break;
                case 'f': scratch_ += '\f'; break;
                case 'n': scratch_ += '\n'; break;
                case 'r': scratch_ += '\r'; break;
                case 't': scratch_ += '\t'; break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(token, at, cp) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // surrogates: not here
                    put_utf8(cp);
                    break;
                }
                default: return false;
            }
        }
    }

    // True when none of the 8 bytes at `bytes` is '"', '\\', a control character or part of a
    // multi-byte sequence: a text's plain run is checked a word at a time.
    static bool plain_word(const char* bytes) {
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        std::uint64_t w;
        std::memcpy(&w, bytes, sizeof w);
        auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
        std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
        return ((w & highs) | below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) == 0;
    }

    static bool hex4(std::string_view token, std::size_t& at, std::uint32_t& out) {
        if (at + 4 > token.size()) return false;
        for (int i = 0; i < 4; ++i) {
            char c = token[at++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    // A code point below U+10000 (the reader leaves surrogate pairs to the two-pass reader).
    void put_utf8(std::uint32_t cp) {
        if (cp < 0x80) {
            scratch_ += static_cast<char>(cp);
        } else if (cp < 0x800) {
            scratch_ += static_cast<char>(0xC0 | (cp >> 6));
            scratch_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            scratch_ += static_cast<char>(0xE0 | (cp >> 12));
            scratch_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            scratch_ += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    const CompiledPack& pack_;
    std::string& scratch_;
    DecisionArena* arena_;
    const InputLimits limits_{};
    std::uint32_t values_ = 0;
};

}  // namespace

bool read_in_one_pass(const CompiledPack& pack, std::string_view text, Value& out, DecisionArena* arena) {
    const InputLimits limits{};
    // A byte-order mark, and anything near the size limit, are left to the two-pass reader.
    if (text.size() >= limits.document_bytes || text.starts_with("\xEF\xBB\xBF")) return false;
    // One parser and one padded copy of the text per thread, reused: their buffers keep their
    // capacity from one contact to the next. simdjson reads up to SIMDJSON_PADDING bytes past the text.
    thread_local od::parser parser;
    thread_local std::vector<char> padded;
    thread_local std::string scratch;
    if (padded.size() < text.size() + simdjson::SIMDJSON_PADDING)
        padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
    if (!text.empty()) std::memcpy(padded.data(), text.data(), text.size());
    std::memset(padded.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    od::document document;
    if (parser.iterate(padded.data(), text.size(), padded.size()).get(document)) return false;
    od::json_type type;
    od::object root;
    if (document.type().get(type) || type != od::json_type::object || document.get_object().get(root)) return false;
    OnePassReader reader(pack, scratch, arena);
    Value value;
    if (!reader.counted(0) || !reader.record(pack.checked->input_record, root, 0, value)) return false;
    // Past the value there must be nothing: simdjson 3.0 says so by having no location left.
    const char* after = nullptr;
    if (document.current_location().get(after) != simdjson::OUT_OF_BOUNDS) return false;
    out = std::move(value);
    return true;
}

bool identical(const Value& a, const Value& b) {
    if (a.kind != b.kind || a.number != b.number || a.is_set != b.is_set || a.duration_unit != b.duration_unit ||
        a.calendar != b.calendar)
        return false;
    if (a.kind == Value::Kind::text) return a.text() == b.text();
    if (a.kind != Value::Kind::list && a.kind != Value::Kind::record) return true;
    for (std::size_t i = 0; i < a.elements().size(); ++i)
        if (!identical(a.elements()[i], b.elements()[i])) return false;
    return true;
}

}  // namespace frontdoor::engine
