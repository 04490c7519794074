// ECMAScript pattern -> RE2 syntax, construct by construct, so that RE2 gives each one its
// ECMAScript meaning. Where the two differ:
//   .          ECMAScript: any character but a line terminator (\n \r U+2028 U+2029); RE2: any but \n
//   \s \S      ECMAScript's white space includes \v and Unicode spaces; RE2's is [\t\n\f\r ]
//   [\b]       ECMAScript: backspace; RE2: an error
//   \uXXXX \cX \0   not RE2 syntax: written as \x{...}
//   [ inside a class  ECMAScript: a literal '['; RE2: may start [:alpha:]
//   { } ]      ECMAScript (Annex B): literal when not a quantifier; escaped for RE2
//   []  [^]    ECMAScript: nothing, anything; RE2: a syntax error
// Refused: backreferences and lookaround (no linear-time engine runs them), \p{...} (its meaning
// depends on a flag JSON Schema does not set), lone surrogates, identity escapes of letters (\a
// means 'a' in ECMAScript but bell in RE2), and RE2's own syntax that ECMAScript lacks ((?i) ...).
// \d \w \b \B and their negations are ASCII in both; ^ and $ mean the start and end of the text in
// both (RE2 without (?m) never lets $ match before a final newline).
#include "dsl/compile_pattern.hpp"

#include <cstdio>

namespace frontdoor::dsl {

namespace {

// ECMAScript's WhiteSpace and LineTerminator code points, as RE2 class ranges, and their complement.
constexpr const char* space_ranges =
    R"(\t-\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff})";
constexpr const char* not_space_ranges =
    R"(\x00-\x08\x0e-\x1f!-\x{9f}\x{a1}-\x{167f}\x{1681}-\x{1fff}\x{200b}-\x{2027}\x{202a}-\x{202e}\x{2030}-\x{205e}\x{2060}-\x{2fff}\x{3001}-\x{fefe}\x{ff00}-\x{10ffff})";

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string code_point(unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\x{%x}", value);
    return buffer;
}

class Translator {
public:
    explicit Translator(std::string_view s) : s_(s) {}

    bool run(std::string& out, std::string& problem) {
        while (i_ < s_.size() && problem_.empty()) {
            char c = s_[i_];
            if (c == '\\') escape(false);
            else if (c == '[') character_class();
            else if (c == '(') group();
            else if (c == '.') out_ += R"([^\n\r\x{2028}\x{2029}])", ++i_;
            else if (c == '{') brace();
            else if (c == '}' || c == ']') out_ += '\\', out_ += c, ++i_;
            else out_ += c, ++i_;
        }
        if (!problem_.empty()) {
            problem = problem_ + " (at character " + std::to_string(at_ + 1) + " of the pattern)";
            return false;
        }
        out = std::move(out_);
        return true;
    }

private:
    void refuse(std::size_t at, std::string why) {
        if (!problem_.empty()) return;
        at_ = at;
        problem_ = std::move(why);
    }

    // An escape at i_ ('\\'), outside or inside a character class.
    void escape(bool in_class) {
        std::size_t start = i_;
        if (i_ + 1 >= s_.size()) return refuse(start, "a pattern cannot end with a lone '\\'");
        char e = s_[i_ + 1];
        i_ += 2;
        switch (e) {
            case 'd':
            case 'D':
            case 'w':
            case 'W':
            case 't':
            case 'n':
            case 'r':
            case 'f':
            case 'v': out_ += '\\', out_ += e; return;
            case 'b':
            case 'B':
                if (in_class && e == 'b') out_ += R"(\x08)";
                else if (in_class) refuse(start, "'\\B' has no meaning inside a character class");
                else out_ += '\\', out_ += e;
                return;
            case 's': out_ += in_class ? space_ranges : std::string("[") + space_ranges + "]"; return;
            case 'S': out_ += in_class ? not_space_ranges : std::string("[") + not_space_ranges + "]"; return;
            case '0':
                if (i_ < s_.size() && is_digit(s_[i_]))
                    return refuse(start, "octal escapes such as '\\01' are not supported; write \\x01");
                out_ += R"(\x00)";
                return;
            case 'x':
                if (i_ + 1 >= s_.size() || !is_hex(s_[i_]) || !is_hex(s_[i_ + 1]))
                    return refuse(start, "'\\x' must be followed by two hexadecimal digits");
                out_ += code_point(static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 2)), nullptr, 16)));
                i_ += 2;
                return;
            case 'u': {
                if (i_ + 3 >= s_.size() || !is_hex(s_[i_]) || !is_hex(s_[i_ + 1]) || !is_hex(s_[i_ + 2]) ||
                    !is_hex(s_[i_ + 3]))
                    return refuse(start,
                                  "'\\u' must be followed by four hexadecimal digits (\\u{...} is not supported)");
                auto value = static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
                if (value >= 0xD800 && value <= 0xDFFF)
                    return refuse(
                        start,
                        "surrogate escapes (\\uD800 to \\uDFFF) are not supported: patterns match whole characters; write the character itself");
                out_ += code_point(value);
                i_ += 4;
                return;
            }
            case 'c':
                if (i_ >= s_.size() || !((s_[i_] >= 'a' && s_[i_] <= 'z') || (s_[i_] >= 'A' && s_[i_] <= 'Z')))
                    return refuse(start, "'\\c' must be followed by a letter");
                out_ += code_point(static_cast<unsigned>(s_[i_]) % 32);
                ++i_;
                return;
            case 'k':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                return refuse(start,
                              "backreferences ('\\" + std::string(1, e) +
                                  "') are not supported: no engine can match them in time proportional to the text");
            case 'p':
            case 'P':
                return refuse(
                    start, "Unicode property classes ('\\" + std::string(1, e) +
                               "{...}') are not supported: their meaning depends on a flag JSON Schema does not set");
            default: break;
        }
        if (std::string_view(R"(^$\.*+?()[]{}|/-)").find(e) != std::string_view::npos) {
            out_ += '\\', out_ += e;
            return;
        }
        refuse(start, "'\\" + std::string(1, e) + "' is not an escape that patterns support");
    }

    void character_class() {
        std::size_t start = i_++;
        bool negated = i_ < s_.size() && s_[i_] == '^';
        if (negated) ++i_;
        if (i_ < s_.size() && s_[i_] == ']') {  // [] matches nothing, [^] any character
            out_ += negated ? R"([\x00-\x{10ffff}])" : R"([^\x00-\x{10ffff}])";
            ++i_;
            return;
        }
        out_ += negated ? "[^" : "[";
        while (i_ < s_.size() && s_[i_] != ']' && problem_.empty()) {
            char c = s_[i_];
            if (c == '\\') escape(true);
            else if (c == '[') out_ += R"(\[)", ++i_;
            else out_ += c, ++i_;
        }
        if (i_ >= s_.size()) return refuse(start, "the character class '[' is not closed with ']'");
        out_ += ']';
        ++i_;
    }

    void group() {
        std::size_t start = i_;
        std::string_view rest = s_.substr(i_);
        if (rest.starts_with("(?:")) out_ += "(?:", i_ += 3;
        else if (rest.starts_with("(?=") || rest.starts_with("(?!") || rest.starts_with("(?<=") ||
                 rest.starts_with("(?<!"))
            refuse(start, "lookaround ('" + std::string(rest.substr(0, rest[2] == '<' ? 4 : 3)) +
                              "') is not supported: no engine can match it in time proportional to the text");
        else if (rest.starts_with("(?<")) {
            std::size_t close = rest.find('>');
            if (close == std::string_view::npos) return refuse(start, "a named group '(?<' is not closed with '>'");
            out_ += '(';  // the name plays no part in whether the text matches
            i_ += close + 1;
        } else if (rest.starts_with("(?"))
            refuse(start, "'(?' starts no group that patterns support (only (?:...) and (?<name>...))");
        else out_ += '(', ++i_;
    }

    // A quantifier {n}, {n,} or {n,m} is copied, its counts within RE2's limit; any other '{' is a
    // literal brace in ECMAScript (Annex B).
    void brace() {
        std::size_t j = i_ + 1;
        auto number = [&](long& value) {
            std::size_t first = j;
            value = 0;
            while (j < s_.size() && is_digit(s_[j])) {
                if (value <= pattern_max_repeat) value = value * 10 + (s_[j] - '0');
                ++j;
            }
            return j > first;
        };
        long low = 0, high = 0;
        bool quantifier = number(low);
        high = low;
        if (quantifier && j < s_.size() && s_[j] == ',') {
            ++j;
            if (j < s_.size() && is_digit(s_[j])) number(high);
            else high = -1;
        }
        quantifier = quantifier && j < s_.size() && s_[j] == '}';
        if (!quantifier) {
            out_ += R"(\{)";
            ++i_;
            return;
        }
        if (low > pattern_max_repeat || high > pattern_max_repeat)
            return refuse(i_, "a repetition count above " + std::to_string(pattern_max_repeat) + " is not supported");
        if (high >= 0 && high < low)
            return refuse(
                i_, "the repetition '" + std::string(s_.substr(i_, j + 1 - i_)) + "' has its numbers out of order");
        out_ += s_.substr(i_, j + 1 - i_);
        i_ = j + 1;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::string out_;
    std::string problem_;
    std::size_t at_ = 0;
};

}  // namespace

bool translate_pattern(std::string_view ecmascript, std::string& out, std::string& problem) {
    return Translator(ecmascript).run(out, problem);
}

}  // namespace frontdoor::dsl
