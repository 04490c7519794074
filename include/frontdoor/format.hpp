#pragma once
// Rule files in their canonical layout (`frontdoor fmt`; see "Formatting" in docs/language.md).
// The layout is worked out from the syntax tree and the comments alone, so formatting twice
// changes nothing and the result parses to the same declarations.
#include "frontdoor/diagnostic.hpp"

#include <string>
#include <vector>

namespace frontdoor {

struct FormattedRules {
    std::string text;                     // the canonical layout, ending in a new line
    std::vector<Diagnostic> diagnostics;  // syntax errors, sorted; when there are any, `text` is empty
};

// Formats the rule file `text`, named `file` in its diagnostics. A file with syntax errors is not
// formatted: its diagnostics come back (the result, never an exception). Reads no file.
// Thread-safe; throws only std::bad_alloc.
FormattedRules format_rule_file(const std::string& file, std::string text);

}  // namespace frontdoor
