#pragma once
// A text pattern of an input declaration (`matching "..."`), with JSON Schema's meaning: an
// ECMAScript regular expression that must match somewhere in the text. Most patterns in input
// contracts are anchored runs of character classes (^[A-Za-z0-9._:-]{1,64}$); those are matched by
// a small automaton over string positions, far faster than std::regex. Anything richer (groups,
// alternation, '.', negated classes, \s, lazy quantifiers) is handed to std::regex (ECMAScript).
#include <bitset>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

class Pattern {
public:
    // Throws std::regex_error when `source` is not a valid ECMAScript regular expression.
    explicit Pattern(const std::string& source);
    bool search(std::string_view text) const;
    // True when the fast matcher handles this pattern (for tests).
    bool is_simple() const { return !fallback_; }

private:
    struct Atom {
        std::bitset<128> chars;  // ASCII only: a byte >= 128 never matches
        int min = 1;
        int max = 1;
    };
    bool compile_simple(const std::string& source);
    bool anchored_start_ = false;
    bool anchored_end_ = false;
    std::vector<Atom> atoms_;
    std::shared_ptr<const std::regex> fallback_;
};

}  // namespace frontdoor::engine
