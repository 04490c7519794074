#include "engine/json_document.hpp"

#include "dsl/utf8.hpp"

#include <algorithm>

namespace frontdoor::engine {

namespace {

class Parser {
public:
    Parser(std::string_view text, std::vector<JsonNode>& nodes, std::string& strings)
        : text_(text), nodes_(nodes), strings_(strings) {}

    std::optional<JsonError> run() {
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

    void skip_space() {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) ++at_;
    }

    bool literal(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) return fail_bool("expected a JSON value");
        at_ += word.size();
        return true;
    }

    bool value(std::string_view key, int depth) {
        if (depth > max_json_depth) return fail_bool("the JSON nests deeper than " + std::to_string(max_json_depth) + " levels");
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
                ok = string(s);
                nodes_[index].text = s;
                break;
            }
            case 't': nodes_[index].type = JsonNode::Type::boolean, nodes_[index].boolean = true, ok = literal("true"); break;
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
        while (true) {
            skip_space();
            if (at_ >= text_.size() || text_[at_] != '"') return fail_bool("expected a field name in double quotes");
            std::size_t key_at = at_;
            std::string_view key;
            if (!string(key)) return false;
            if (has_member(index, key)) {
                at_ = key_at;
                fail("the field '" + std::string(key) + "' is given twice in one object");
                error_->path = escape_key(key);
                return false;
            }
            skip_space();
            if (at_ >= text_.size() || text_[at_] != ':') return fail_bool("expected ':' after the field name");
            ++at_;
            skip_space();
            if (!value(key, depth + 1)) {
                if (error_ && !error_->path.empty()) error_->path = escape_key(key) + "/" + error_->path;
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

    // Whether the object at `index` already has a member called `key` (members parsed so far).
    bool has_member(std::uint32_t index, std::string_view key) const {
        for (auto child = index + 1; child < nodes_.size(); child = nodes_[child].end)
            if (nodes_[child].key == key) return true;
        return false;
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
            if (!value({}, depth + 1)) {
                if (error_ && !error_->path.empty()) error_->path = std::to_string(item) + "/" + error_->path;
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
            if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9') return fail_bool("expected digits after '.'");
            while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
            fraction = true;
        }
        if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
            ++at_;
            if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
            if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9') return fail_bool("expected digits in the exponent");
            while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
            fraction = true;
        }
        std::uint64_t limit = negative ? static_cast<std::uint64_t>(INT64_MAX) + 1 : static_cast<std::uint64_t>(INT64_MAX);
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
        else if (cp < 0x800) strings_ += static_cast<char>(0xC0 | (cp >> 6)), strings_ += static_cast<char>(0x80 | (cp & 0x3F));
        else if (cp < 0x10000)
            strings_ += static_cast<char>(0xE0 | (cp >> 12)), strings_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                strings_ += static_cast<char>(0x80 | (cp & 0x3F));
        else
            strings_ += static_cast<char>(0xF0 | (cp >> 18)), strings_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                strings_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), strings_ += static_cast<char>(0x80 | (cp & 0x3F));
    }

    // One UTF-8 sequence starting at at_ (see dsl/utf8.hpp for what is refused).
    bool utf8() {
        std::size_t length = dsl::utf8_sequence_length(text_, at_);
        if (length == 0) return fail_bool("the text is not valid UTF-8");
        strings_.append(text_.data() + at_, length);
        at_ += length;
        return true;
    }

    bool string(std::string_view& out) {
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
        return true;
    }

    std::string_view text_;
    std::vector<JsonNode>& nodes_;
    std::string& strings_;
    std::size_t at_ = 0;
    std::optional<JsonError> error_;
};

}  // namespace

std::optional<JsonError> JsonDocument::parse(std::string_view text) {
    nodes_.clear();
    strings_.clear();
    // Unescaped text is never longer than the input, so views into strings_ stay valid.
    strings_.reserve(text.size());
    nodes_.reserve(64);
    auto error = Parser(text, nodes_, strings_).run();
    if (error && !error->path.empty()) error->path = "/" + error->path;
    return error;
}

}  // namespace frontdoor::engine
