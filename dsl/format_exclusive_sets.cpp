// `exclusive A, B, C`, `partition A, B, C` and `exclusive rows of D: A, B` in their canonical
// layout: one line, the citation after it (on the next line when the line would be too long), as a
// manifest.
#include "dsl/format_layout.hpp"

namespace frontdoor::dsl::format {

Doc Layout::exclusive_sets(const ast::ExclusiveSets& decl) {
    std::string head = decl.partition ? "partition " : "exclusive ";
    for (std::size_t i = 0; i < decl.sets.size(); ++i) head += (i ? ", " : "") + decl.sets[i].first;
    return concat({text(head), group(citation_after(decl.citation, line("  ")))});
}

Doc Layout::exclusive_rows(const ast::ExclusiveRows& decl) {
    std::string head = "exclusive rows of " + decl.decision + ": ";
    for (std::size_t i = 0; i < decl.rows.size(); ++i) head += (i ? ", " : "") + decl.rows[i].first;
    return concat({text(head), group(citation_after(decl.citation, line("  ")))});
}

}  // namespace frontdoor::dsl::format
