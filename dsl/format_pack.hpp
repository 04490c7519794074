#pragma once
// `frontdoor fmt`: a rule file in its canonical layout (see "Formatting" in docs/language.md). The
// layout is worked out from the syntax tree and the comments alone, never from how the file was
// laid out, so formatting twice changes nothing and the result parses to the same declarations.
#include "dsl/source.hpp"
#include "frontdoor/diagnostic.hpp"

#include <string>
#include <vector>

namespace frontdoor::dsl {

struct Formatted {
    std::string text;                     // the canonical layout, ending in a new line
    std::vector<Diagnostic> diagnostics;  // syntax errors, sorted; when there are any, `text` is empty
};

// The width the canonical layout keeps lines within, where the language allows a break.
inline constexpr int canonical_width = 100;

// Formats one rule file. A file with syntax errors is not formatted: its diagnostics come back.
// Only tests ask for another width, to make the layout break more.
Formatted format_rules(const Source& source, int width = canonical_width);

}  // namespace frontdoor::dsl
