#include "engine/json/json_document.hpp"

#include "dsl/utf8.hpp"
#include "engine/json/echo_value.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace frontdoor::engine {

namespace {

// The names of one object's members so far, to find a name given twice: a scan while the object is
// small (most are), a hash set once it is not, so that a large object costs linear time, not
// quadratic. The views point into the document's text buffer, which does not move while parsing.
class MemberNames {
public:
    // False when `name` was already there.
    bool insert(std::string_view name) {
        if (!many_.empty()) return many_.insert(name).second;
        for (std::size_t i = 0; i < count_; ++i)
            if (few_[i] == name) return false;
        if (count_ < few_.size()) {
            few_[count_++] = name;
            return true;
        }
        many_.insert(few_.begin(), few_.end());
        return many_.insert(name).second;
    }

private:
    std::array<std::string_view, 8> few_;
    std::size_t count_ = 0;
    std::unordered_set<std::string_view> many_;
};

class Parser {
public:
    Parser(std::string_view text, const InputLimits& limits, std::vector<JsonNode>& nodes, std::string& strings)
        : text_(text), limits_(limits), nodes_(nodes), strings_(strings) {}

    std::optional<JsonError> run() {
        if (text_.size() > limits_.document_bytes) {
            over_limit("the document has more than " + std::to_string(limits_.document_bytes) +
                       " bytes (the limit for a document)");
            return error_;
        }
        if (text_.starts_with("\xEF\xBB\xBF")) at_ = 3;  // a byte-order mark
        skip_space();
        if (!value({}, 0)) return error_;
        skip_space();
        if (at_ < text_.size()) return fail("unexpected text after the JSON value");
        return std::nullopt;
    }

private:
    bool fail_bool(std::string message) {
        fail(std::move(message));
        return false;
    }
    std::optional<JsonError> fail(std::string message) {
        if (!error_) error_ = JsonError{at_, std::move(message), {}};
        return error_;
    }
    // An error at the value being read, named by its path: each enclosing array and object adds
    // its part of the path as the error travels out.
    bool located(std::string message) {
        if (!error_) error_ = JsonError{at_, std::move(message), std::string(), false};
        return false;
    }
    bool over_limit(std::string message) {
        if (!error_) error_ = JsonError{at_, std::move(message), std::string(), true};
        return false;
    }
    void prefix_path(const std::string& part) {
        if (error_ && error_->path) *error_->path = "/" + part + *error_->path;
    }

    void skip_space() {
        while (at_ < text_.size() &&
               (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
            ++at_;
    }

    bool literal(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) return fail_bool("expected a JSON value");
        at_ += word.size();
        return true;
    }

    bool value(std::string_view key, int depth) {
        if (depth > limits_.nesting_depth)
            return fail_bool("the JSON nests deeper than " + std::to_string(limits_.nesting_depth) + " levels");
        if (++values_ > limits_.document_values)
            return over_limit("more than " + std::to_string(limits_.document_values) +
                              " values in one document (the limit for a document)");
        if (at_ >= text_.size()) return fail_bool("the JSON text ends where a value was expected");
        auto index = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
        nodes_[index].key = key;
        char c = text_[at_];
        bool ok = true;
        switch (c) {
            case '{': ok = object(index, depth); break;
            case '[': ok = array(index, depth); break;
            case '"': {
                nodes_[index].type = JsonNode::Type::string;
                std::string_view s;
                ok = string(s, "text");
                nodes_[index].text = s;
                break;
            }
            case 't':
                nodes_[index].type = JsonNode::Type::boolean, nodes_[index].boolean = true, ok = literal("true");
                break;
            case 'f': nodes_[index].type = JsonNode::Type::boolean, ok = literal("false"); break;
            case 'n': ok = literal("null"); break;
            default: ok = number(nodes_[index]);
        }
        nodes_[index].end = static_cast<std::uint32_t>(nodes_.size());
        return ok;
    }

    bool object(std::uint32_t index, int depth) {
        nodes_[index].type = JsonNode::Type::object;
        ++at_;
        skip_space();
        if (at_ < text_.size() && text_[at_] == '}') return ++at_, true;
        MemberNames names;
        while (true) {
            skip_space();
            if (nodes_[index].size == limits_.object_members)
                return over_limit("more than " + std::to_string(limits_.object_members) +
                                  " members (the limit for an object)");
            if (at_ >= text_.size() || text_[at_] != '"') return fail_bool("expected a field name in double quotes");
            std::size_t key_at = at_;
            std::string_view key;
            if (!string(key, "a field name")) return false;
            if (!names.insert(key)) {
                at_ = key_at;
                located("the field '" + echo_value(key) + "' is given twice in one object");
                prefix_path(escape_key(key));
                return false;
            }
            skip_space();
            if (at_ >= text_.size() || text_[at_] != ':') return fail_bool("expected ':' after the field name");
            ++at_;
            skip_space();
            if (!value(key, depth + 1)) {
                prefix_path(escape_key(key));
                return false;
            }
            ++nodes_[index].size;
            skip_space();
            if (at_ < text_.size() && text_[at_] == ',') {
                ++at_;
                continue;
            }
            if (at_ < text_.size() && text_[at_] == '}') return ++at_, true;
            return fail_bool("expected ',' or '}'");
        }
    }

    static std::string escape_key(std::string_view key) {
        std::string out;
        for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return out;
    }

    bool array(std::uint32_t index, int depth) {
        nodes_[index].type = JsonNode::Type::array;
        ++at_;
        skip_space();
        if (at_ < text_.size() && text_[at_] == ']') return ++at_, true;
        while (true) {
            skip_space();
            std::uint32_t item = nodes_[index].size;
            if (item == limits_.array_items)
                return over_limit("more than " + std::to_string(limits_.array_items) +
                                  " items (the limit for an array)");
            if (!value({}, depth + 1)) {
                prefix_path(std::to_string(item));
                return false;
            }
            ++nodes_[index].size;
            skip_space();
            if (at_ < text_.size() && text_[at_] == ',') {
                ++at_;
                continue;
            }
            if (at_ < text_.size() && text_[at_] == ']') return ++at_, true;
            return fail_bool("expected ',' or ']'");
        }
    }

    bool number(JsonNode& node) {
        std::size_t start = at_;
        bool negative = at_ < text_.size() && text_[at_] == '-';
        if (negative) ++at_;
        if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9') return fail_bool("expected a JSON value");
        if (text_[at_] == '0' && at_ + 1 < text_.size() && text_[at_ + 1] >= '0' && text_[at_ + 1] <= '9')
            return fail_bool("a number may not start with 0");
        bool overflow = false;
        std::uint64_t magnitude = 0;
        while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
            auto digit = static_cast<std::uint64_t>(text_[at_] - '0');
            if (magnitude > (UINT64_MAX - digit) / 10) overflow = true;
            else magnitude = magnitude * 10 + digit;
            ++at_;
        }
        bool fraction = false;
        if (at_ < text_.size() && text_[at_] == '.') {
            ++at_;
            if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9')
                return fail_bool("expected digits after '.'");
            while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
            fraction = true;
        }
        if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
            ++at_;
            if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
            if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9')
                return fail_bool("expected digits in the exponent");
            while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
            fraction = true;
        }
        std::uint64_t limit =
            negative ? static_cast<std::uint64_t>(INT64_MAX) + 1 : static_cast<std::uint64_t>(INT64_MAX);
        if (fraction || overflow || magnitude > limit) {
            node.type = JsonNode::Type::decimal;
            node.text = text_.substr(start, at_ - start);
            return true;
        }
        node.type = JsonNode::Type::integer;
        node.integer = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
        return true;
    }

    bool hex4(std::uint32_t& out) {
        if (at_ + 4 > text_.size()) return fail_bool("expected four hex digits after \\u");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = text_[at_++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return fail_bool("expected four hex digits after \\u");
        }
        return true;
    }

    void put_utf8(std::uint32_t cp) {
        if (cp < 0x80) strings_ += static_cast<char>(cp);
        else if (cp < 0x800)
            strings_ += static_cast<char>(0xC0 | (cp >> 6)), strings_ += static_cast<char>(0x80 | (cp & 0x3F));
        else if (cp < 0x10000)
            strings_ += static_cast<char>(0xE0 | (cp >> 12)), strings_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                strings_ += static_cast<char>(0x80 | (cp & 0x3F));
        else
            strings_ += static_cast<char>(0xF0 | (cp >> 18)), strings_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                strings_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                strings_ += static_cast<char>(0x80 | (cp & 0x3F));
    }

    // One UTF-8 sequence starting at at_ (see dsl/utf8.hpp for what is refused).
    bool utf8() {
        std::size_t length = dsl::utf8_sequence_length(text_, at_);
        if (length == 0) return fail_bool("the text is not valid UTF-8");
        strings_.append(text_.data() + at_, length);
        at_ += length;
        return true;
    }

    // A string: a value ("text") or a member's name ("a field name"), for the limit's refusal.
    bool string(std::string_view& out, const char* what) {
        std::size_t start = at_;
        ++at_;
        std::size_t begin = strings_.size();
        while (true) {
            std::size_t run = at_;
            while (at_ < text_.size()) {
                auto c = static_cast<unsigned char>(text_[at_]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++at_;
            }
            strings_.append(text_.data() + run, at_ - run);
            if (at_ >= text_.size()) return fail_bool("the text ends inside a string: a closing '\"' is missing");
            auto c = static_cast<unsigned char>(text_[at_]);
            if (c == '"') {
                ++at_;
                break;
            }
            if (c < 0x20) return fail_bool("a control character must be escaped inside a string");
            if (c >= 0x80) {
                if (!utf8()) return false;
                continue;
            }
            ++at_;  // backslash
            if (at_ >= text_.size()) return fail_bool("the text ends inside an escape");
            char e = text_[at_++];
            switch (e) {
                case '"': strings_ += '"'; break;
                case '\\': strings_ += '\\'; break;
                case '/': strings_ += '/'; break;
                case 'b': strings_ += '\b'; break;
                case 'f': strings_ += '\f'; break;
                case 'n': strings_ += '\n'; break;
                case 'r': strings_ += '\r'; break;
                case 't': strings_ += '\t'; break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail_bool("a \\u escape holds an unpaired low surrogate");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t low = 0;
                        if (text_.substr(at_, 2) != "\\u" || (at_ += 2, !hex4(low)) || low < 0xDC00 || low > 0xDFFF)
                            return fail_bool("a \\u escape holds an unpaired high surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    put_utf8(cp);
                    break;
                }
                default: return fail_bool("unknown escape in a string");
            }
        }
        out = std::string_view(strings_.data() + begin, strings_.size() - begin);
        if (out.size() > limits_.text_bytes) {
            at_ = start;
            return over_limit(std::string(what) + " of more than " + std::to_string(limits_.text_bytes) +
                              " bytes (the limit for a text value)");
        }
        return true;
    }

    std::string_view text_;
    const InputLimits& limits_;
    std::vector<JsonNode>& nodes_;
    std::string& strings_;
    std::size_t at_ = 0;
    std::uint32_t values_ = 0;
    std::optional<JsonError> error_;
};

}  // namespace

std::optional<JsonError> JsonDocument::parse(std::string_view text, const InputLimits& limits) {
    nodes_.clear();
    strings_.clear();
    nodes_.reserve(64);
    // Unescaped text is never longer than the input, so views into strings_ stay valid. A document
    // over the limit is refused before anything is read.
    if (text.size() <= limits.document_bytes) strings_.reserve(text.size());
    return Parser(text, limits, nodes_, strings_).run();
}

}  // namespace frontdoor::engine
