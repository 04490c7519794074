// `exclusive A, B, C` and `partition A, B, C` in their canonical layout: one line, the citation
// after it (on the next line when the line would be too long), as a manifest.
#include "dsl/format_layout.hpp"

namespace frontdoor::dsl::format {

Doc Layout::exclusive_sets(const ast::ExclusiveSets& decl) {
    std::string head = decl.partition ? "partition " : "exclusive ";
    for (std::size_t i = 0; i < decl.sets.size(); ++i) head += (i ? ", " : "") + decl.sets[i].first;
    return concat({text(head), group(citation_after(decl.citation, line("  ")))});
}

}  // namespace frontdoor::dsl::format
