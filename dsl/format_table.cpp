// Tables: one `key -> value` entry per line, their citations lined up in one column, so that a
// policy lead reads the table as a table.
#include "dsl/format_layout.hpp"

#include <algorithm>

namespace frontdoor::dsl::format {

Doc Layout::table_key_value(const ast::TableEntry& entry) {
    Doc key = entry.key ? row_start(*entry.key) : text("otherwise");
    return concat({key, text(" -> "), expression(*entry.value)});
}

Doc Layout::table(const ast::Table& decl) {
    constexpr int indent = 2, gap = 2;
    // Each entry's width on one line, measured with a layout that holds no comments, so that
    // measuring takes none of them from this file's queue.
    CommentQueue no_comments(source_, {});
    Layout measure(source_, no_comments, width_);
    std::vector<int> widths, citations;
    int column = 0;
    for (const auto& entry : decl.entries) {
        std::string flat = render(measure.table_key_value(entry), 1 << 20);
        int width = flat.find('\n') == std::string::npos ? display_width(flat) : width_;
        int citation = entry.citation.present ? display_width("[source " + quoted(entry.citation.text) + "]") : 0;
        widths.push_back(width);
        citations.push_back(citation);
        if (entry.citation.present && indent + width + gap + citation <= width_)
            column = std::max(column, indent + width + gap);
    }
    std::vector<Doc> entries;
    std::uint32_t previous = 0;
    for (std::size_t i = 0; i < decl.entries.size(); ++i) {
        const ast::TableEntry& entry = decl.entries[i];
        entries.push_back(block_item(previous, entry.span.begin, entry.span.end, [&] {
            Doc head = table_key_value(entry);
            if (!entry.citation.present) return head;
            int end = indent + widths[i];
            if (end + gap + citations[i] > width_) return concat({head, citation_after(entry.citation, hardline())});
            int padding = column + citations[i] <= width_ ? column - end : gap;
            std::string citation = "[source " + quoted(entry.citation.text) + "]";
            return concat({head, text(std::string(static_cast<std::size_t>(padding), ' ') + citation)});
        }));
        previous = entry.span.end;
    }
    std::string label = decl.label.present ? " label " + quoted(decl.label.text) : "";
    std::string head =
        "table " + decl.name + label + ": " + type_text(decl.key_type) + " -> " + type_text(decl.value_type);
    return concat({text(head), nest(2, concat(std::move(entries)))});
}

}  // namespace frontdoor::dsl::format
