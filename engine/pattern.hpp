#pragma once
// A text pattern of an input declaration (`matching "..."`), with JSON Schema's meaning: an
// ECMAScript regular expression that must match somewhere in the text. Run by RE2 in time linear in
// the text, whatever the pattern (dsl/compile_pattern.hpp says how it is translated and what is
// refused). Immutable: one pattern is shared by every thread deciding with the pack.
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace frontdoor::engine {

class Pattern {
public:
    // Throws std::invalid_argument when the checker would have refused `source` (it never reaches
    // here from a checked pack).
    explicit Pattern(const std::string& source);
    bool search(std::string_view text) const;

private:
    std::shared_ptr<const re2::RE2> regex_;
};

}  // namespace frontdoor::engine
