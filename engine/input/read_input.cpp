#include "engine/input/read_input.hpp"
#include "engine/explain/out_of_range.hpp"
#include "engine/input/read_in_one_pass.hpp"

#include "dsl/diagnostics.hpp"
#include "engine/calendar/civil_time.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/evaluate/value_buffer.hpp"
#include "engine/json/echo_value.hpp"

#include <array>

namespace frontdoor::engine {

using dsl::TypeKind;
using dsl::TypeRef;

namespace {

std::string pointer_escape(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

using Type = JsonNode::Type;

std::string json_kind(const JsonNode& j) {
    switch (j.type) {
        case Type::null: return "null";
        case Type::boolean: return "a boolean";
        case Type::string: return "text";
        case Type::array: return "a list";
        case Type::object: return "an object";
        case Type::decimal: return "a decimal number";
        default: return "a number";
    }
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Where the reader is in the document: field names and item numbers, turned into a JSON pointer
// only when something is refused (building it for every field would cost more than reading).
struct Path {
    std::vector<std::pair<std::string_view, long>> parts;  // (field, -1) or ("", index)
    std::string pointer() const {
        std::string out;
        for (const auto& [key, index] : parts)
            out += "/" + (index >= 0 ? std::to_string(index) : pointer_escape(std::string(key)));
        return out;
    }
};

struct PathPart {
    PathPart(Path& path, std::string_view key, long index) : path_(path) { path_.parts.emplace_back(key, index); }
    ~PathPart() { path_.parts.pop_back(); }
    PathPart(const PathPart&) = delete;
    PathPart& operator=(const PathPart&) = delete;
    Path& path_;
};

class InputReader {
public:
    InputReader(const CompiledPack& pack, const JsonDocument& document) : pack_(pack), document_(document) {}
    std::optional<InputRefusal> refusal;

    Value record(int index, const JsonNode& j, Path& path) {
        const dsl::RecordInfo& info = pack_.checked->records[index];
        if (j.type != Type::object) return fail(path, "expected an object (a " + info.name + "), got " + json_kind(j));
        // One pass over the members: each must be a declared field. Where each field was given is
        // kept on the stack for records of up to 32 fields.
        std::array<const JsonNode*, 32> given_here{};
        std::vector<const JsonNode*> given_elsewhere;
        if (info.fields.size() > given_here.size()) given_elsewhere.assign(info.fields.size(), nullptr);
        const JsonNode** given = given_elsewhere.empty() ? given_here.data() : given_elsewhere.data();
        for (std::uint32_t c = document_.first_child(j); c < j.end; c = document_.node(c).end) {
            const JsonNode& member = document_.node(c);
            int declared = field_index(info, member.key);
            if (declared >= 0) {
                given[static_cast<std::size_t>(declared)] = &member;
                continue;
            }
            std::string key(member.key);
            std::vector<std::string> names;
            for (const auto& f : info.fields) names.push_back(f.name);
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            std::string suggestion = dsl::did_you_mean(key, names);
            PathPart at(path, key, -1);
            return fail(path, "unknown field '" + echo_value(key) + "'" + (suggestion.empty() ? "." : suggestion) +
                                  " The fields of " + info.name + " are: " + list + ".");
        }
        Value* fields;
        Value record = Value::with_items(Value::Kind::record, info.fields.size(), fields);
        for (std::size_t i = 0; i < info.fields.size(); ++i) {
            const dsl::FieldInfo& field = info.fields[i];
            PathPart field_path(path, field.name, -1);
            const JsonNode* found = given[i];
            if (!found) {
                if (!field.may_be_omitted) return fail(path, "the required field '" + field.name + "' is missing");
                fields[i] = pack_.defaults[index][i];
                continue;
            }
            if (found->type == Type::null) {
                if (!field.nullable)
                    return fail(path, "null is not allowed here: expected " + describe_expected(field.value_type));
                fields[i] = Value::absent();
                continue;
            }
            fields[i] = value(field.value_type, *found, path, &field, index, static_cast<int>(i));
            if (refusal) return {};
        }
        return record;
    }

private:
    static int field_index(const dsl::RecordInfo& info, std::string_view key) {
        for (std::size_t i = 0; i < info.fields.size(); ++i)
            if (info.fields[i].name == key) return static_cast<int>(i);
        return -1;
    }

    Value fail(const Path& path, std::string message) {
        if (!refusal) refusal = InputRefusal{path.pointer(), std::move(message)};
        return {};
    }

    std::string describe_expected(const TypeRef& type) {
        switch (type->kind) {
            case TypeKind::date: return "a date like 2024-03-30";
            case TypeKind::datetime: return "a time like 2024-03-30T20:00:00Z";
            case TypeKind::enumeration: return "one of " + members(type->decl);
            default: return dsl::describe(type);
        }
    }

    std::string members(int decl) {
        std::string out;
        for (const auto& m : pack_.checked->enums[decl].declared) out += (out.empty() ? "" : ", ") + m;
        return out;
    }

    Value value(const TypeRef& type, const JsonNode& j, Path& path, const dsl::FieldInfo* field, int record,
                int index) {
        switch (type->kind) {
            case TypeKind::boolean:
                if (j.type != Type::boolean) return fail(path, "expected true or false, got " + json_kind(j));
                return Value::boolean(j.boolean);
            case TypeKind::integer:
                if (j.type != Type::integer) return fail(path, "expected a whole number, got " + json_kind(j));
                return Value::integer(j.integer);
            case TypeKind::text: return text(j, path, field, record, index);
            case TypeKind::enumeration: {
                const dsl::EnumInfo& info = pack_.checked->enums[type->decl];
                if (j.type != Type::string)
                    return fail(path, "expected one of " + members(type->decl) + ", got " + json_kind(j));
                std::string given(j.text);
                int member = info.index_of(given);
                if (member < 0) {
                    std::string suggestion = dsl::did_you_mean(given, info.declared);
                    return fail(path, "\"" + echo_value(given) + "\" is not a known " + info.name +
                                          (suggestion.empty() ? "." : suggestion) +
                                          " Expected one of: " + members(type->decl) + ".");
                }
                return Value::enumeration(member);
            }
            case TypeKind::date: {
                if (j.type != Type::string) return fail(path, "expected a date like 2024-03-30, got " + json_kind(j));
                std::string why;
                auto day = time::parse_date(j.text, &why);
                if (!day) return fail(path, why);
                return Value::date(*day);
            }
            case TypeKind::datetime: {
                if (j.type != Type::string)
                    return fail(path, "expected a time like 2024-03-30T20:00:00Z, got " + json_kind(j));
                std::string why;
                auto instant = time::parse_datetime(j.text, &why);
                if (!instant) return fail(path, why);
                return Value::datetime(*instant);
            }
            case TypeKind::record: return this->record(type->decl, j, path);
            case TypeKind::list:
            case TypeKind::set: return list(type, j, path, field);
            default:
                return fail(path, "this pack's input declares a type that JSON cannot carry: " + dsl::describe(type));
        }
    }

    Value text(const JsonNode& j, Path& path, const dsl::FieldInfo* field, int record, int index) {
        if (j.type != Type::string) return fail(path, "expected text, got " + json_kind(j));
        std::string_view s = j.text;
        if (field && field->syntax && field->syntax->length) {
            auto [low, high] = *field->syntax->length;
            auto n = static_cast<std::int64_t>(code_points(s));
            if (n < low || n > high)
                return fail(path, "expected " + std::to_string(low) + " to " + std::to_string(high) +
                                      " characters, got " + std::to_string(n));
        }
        if (field && record >= 0) {
            const auto& pattern = pack_.patterns[record][index];
            if (pattern && !pattern->search(s))
                return fail(path, "\"" + echo_value(s) + "\" is not in the expected form (pattern " +
                                      *field->syntax->matching + ")");
        }
        return Value::string(s);
    }

    Value list(const TypeRef& type, const JsonNode& j, Path& path, const dsl::FieldInfo* field) {
        if (j.type != Type::array) return fail(path, "expected a list, got " + json_kind(j));
        if (field && field->syntax && field->syntax->at_most &&
            static_cast<std::int64_t>(j.size) > *field->syntax->at_most)
            return fail(path, "at most " + std::to_string(*field->syntax->at_most) + " items are allowed, got " +
                                  std::to_string(j.size));
        ValueBuffer items;
        bool unique = type->kind == TypeKind::set || (field && field->syntax && field->syntax->unique);
        std::size_t i = 0;
        for (std::uint32_t c = document_.first_child(j); c < j.end; c = document_.node(c).end, ++i) {
            PathPart item_path(path, {}, static_cast<long>(i));
            const JsonNode& element = document_.node(c);
            if (element.type == Type::null)
                return fail(path, "null is not allowed here: expected " + describe_expected(type->element));
            Value item = value(type->element, element, path, nullptr, -1, -1);
            if (refusal) return {};
            if (unique) {
                for (std::size_t k = 0; k < items.size(); ++k)
                    if (equal(items.items()[k], item))
                        return fail(path,
                                    "this item repeats item " + std::to_string(k) + "; each may appear only once");
            }
            items.push_back(std::move(item));
        }
        return type->kind == TypeKind::set ? Value::set(items.items()) : Value::list(items.items());
    }

    const CompiledPack& pack_;
    const JsonDocument& document_;
};

// The JSON pointer of a refusal's `at` path, with the `for each` variable standing for item `index`.
std::string pointer_of(const dsl::ast::Refusal& refusal, const std::string& input_name, std::size_t index) {
    std::string at = dsl::path_of(*refusal.at);
    std::string root = at.substr(0, at.find('.'));
    std::string rest = at.size() > root.size() ? at.substr(root.size()) : "";
    std::string prefix;
    if (root == refusal.each_variable && refusal.each_list) {
        std::string list = dsl::path_of(*refusal.each_list);
        list = list.size() > input_name.size() ? list.substr(input_name.size()) : "";
        prefix = list + "." + std::to_string(index);
    }
    std::string dotted = prefix + rest;
    std::string pointer;
    for (char c : dotted) pointer += c == '.' ? '/' : c;
    return pointer;
}

}  // namespace

std::optional<InputRefusal> read_input(const CompiledPack& pack, std::string_view text, Value& out,
                                       DecisionArena* arena) {
    if (read_in_one_pass(pack, text, out, arena)) return std::nullopt;
    return read_input_two_pass(pack, text, out);
}

std::optional<InputRefusal> read_input_two_pass(const CompiledPack& pack, std::string_view text, Value& out) {
    // One document per thread, reused: its buffers keep their capacity from one input to the next.
    // Values copy what they keep, so nothing points into it once this returns.
    thread_local JsonDocument document;
    if (auto error = document.parse(text)) {
        std::string message = error->over_limit ? error->message : "not valid JSON: " + error->message;
        if (error->path) return InputRefusal{*error->path, std::move(message)};
        return InputRefusal{"", message + " (at byte " + std::to_string(error->byte) + ")"};
    }
    InputReader reader(pack, document);
    Path path;
    path.parts.reserve(16);  // no regrowing for inputs nested up to 16 deep
    Value value = reader.record(pack.checked->input_record, document.root(), path);
    if (reader.refusal) return reader.refusal;
    out = std::move(value);
    return std::nullopt;
}

InputRefusal refused_for_holiday_data(const time::BeyondHolidayData& beyond) {
    return InputRefusal{"", beyond.what(), -1};
}

namespace {

std::optional<InputRefusal> first_refusal(const CompiledPack& pack, const Value& input) {
    const auto& refusals = pack.checked->syntax.inputs.front().refusals;
    if (refusals.empty()) return std::nullopt;
    Evaluation evaluation(pack, input, nullptr);
    for (std::size_t r = 0; r < refusals.size(); ++r) {
        const auto& refusal = refusals[r];
        if (!refusal.each_list) {
            if (evaluation.holds(*refusal.condition))
                return InputRefusal{pointer_of(refusal, pack.checked->input_name, 0), refusal.because,
                                    static_cast<int>(r)};
            continue;
        }
        Value list = evaluation.eval(*refusal.each_list);
        const auto& items = list.elements();
        for (std::size_t i = 0; i < items.size(); ++i) {
            evaluation.bind(refusal.each_local, items[i]);
            if (evaluation.holds(*refusal.condition))
                return InputRefusal{pointer_of(refusal, pack.checked->input_name, i), refusal.because,
                                    static_cast<int>(r)};
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<InputRefusal> apply_refusals(const CompiledPack& pack, const Value& input) {
    try {
        return first_refusal(pack, input);
    } catch (const time::BeyondHolidayData& beyond) {
        return refused_for_holiday_data(beyond);
    } catch (const OutOfRange& out_of_range) {
        return refused_for_out_of_range(pack, out_of_range);
    }
}

}  // namespace frontdoor::engine
