#pragma once
// A text pattern of an input declaration (`matching "..."`), with JSON Schema's meaning: an
// ECMAScript regular expression that must match somewhere in the text. Run by RE2 in time linear in
// the text, whatever the pattern (dsl/compile_pattern.hpp says how it is translated and what is
// refused). Immutable: one pattern is shared by every thread deciding with the pack.
//
// Most patterns in input contracts are anchored runs of ASCII character classes with small bounded
// counts (^[A-Za-z0-9._:-]{1,64}$); those are matched by a small automaton over string positions,
// two to three times faster than RE2 (38 vs 134 ns and 34 vs 79 ns a text for the bundled sample pack's
// two). Its time is at most the text's length times the sum of its atoms' counts, each at most
// simple_max_repeat, so it stays linear; anything else goes to RE2. A differential test
// (engine/evaluate/tests/pattern_test.cpp) holds the two to the same answers.
#include <bitset>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace frontdoor::engine {

class Pattern {
public:
    // The largest count ({n,m}) an atom of the fast matcher may have; '*' and '+' go to RE2.
    static constexpr int simple_max_repeat = 64;

    // Throws std::invalid_argument when the checker would have refused `source` (it never reaches
    // here from a checked pack).
    explicit Pattern(const std::string& source);
    bool search(std::string_view text) const;
    // True when the fast matcher handles this pattern (for tests).
    bool is_simple() const { return simple_; }

private:
    struct Atom {
        std::bitset<128> chars;  // ASCII only: a byte >= 128 never matches
        int min = 1;
        int max = 1;
    };
    bool compile_simple(const std::string& source);
    std::shared_ptr<const re2::RE2> regex_;
    bool simple_ = false;
    bool anchored_start_ = false;
    bool anchored_end_ = false;
    std::vector<Atom> atoms_;
};

}  // namespace frontdoor::engine
