#pragma once
// Text -> syntax tree. Syntax errors become diagnostics; parsing goes on at the next declaration.
#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"

namespace frontdoor::dsl {

// Parses one rule file into `pack` (appending its declarations). `file` is the source's index.
void parse_source(const Source& source, std::uint32_t file, ast::Pack& pack, Diagnostics& diagnostics);

// Parses a single expression (for `--what-if` values and tests); null with a diagnostic on error.
ast::ExprPtr parse_expression(const Source& source, std::uint32_t file, Diagnostics& diagnostics);

}  // namespace frontdoor::dsl
