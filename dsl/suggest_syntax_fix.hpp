#pragma once
// "did you mean" for a syntax error: an operator from another language (`==`, `&&`, `||`, `<>`,
// `!`) or a misspelt keyword or unit (`otherwize`, `hourss`) at the place the parser gave up.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::dsl {

struct SyntaxFix {
    std::uint32_t begin = 0;  // the bytes to replace: the foreign operator or the misspelt word
    std::uint32_t end = 0;
    std::string replacement;  // what the language spells there
};

// The fix for a syntax error reported at byte `at` of `text`, if the text there (or the `==` that
// the error's '=' ends) is a foreign operator or a word one letter away from a keyword or unit.
std::optional<SyntaxFix> suggest_syntax_fix(std::string_view text, std::uint32_t at);

}  // namespace frontdoor::dsl
