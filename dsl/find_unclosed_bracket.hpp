#pragma once
// Where the bracket that a "expected ')'" (or ']', '}') error never saw closed was opened, so the
// diagnostic can point at it as well as at the place the parser gave up.
#include <cstdint>
#include <optional>
#include <string_view>

namespace frontdoor::dsl {

// The offset of the innermost bracket opened in `text` between `from` and `to` and not closed
// before `to`, when it is the opening partner of `closing` (')', ']' or '}'); brackets inside
// comments and texts do not count. `from` must be the start of a token (a declaration's start).
std::optional<std::uint32_t> find_unclosed_bracket(std::string_view text, std::uint32_t from, std::uint32_t to,
                                                   char closing);

}  // namespace frontdoor::dsl
