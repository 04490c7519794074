#include "engine/scenarios/coverage.hpp"

#include "engine/explain/explain.hpp"

namespace frontdoor::engine {

Coverage::Coverage(const CompiledPack& pack) : pack_(pack) {
    const auto& checked = *pack.checked;
    for (const auto& definition : checked.definitions) {
        std::size_t parts = 1;
        if (definition.kind == dsl::DefinitionKind::decision)
            parts = checked.syntax.decisions[definition.syntax_index].rows.size();
        if (definition.kind == dsl::DefinitionKind::table)
            parts = checked.syntax.tables[definition.syntax_index].entries.size();
        rows_.emplace_back(parts, false);
    }
    refusals_.assign(checked.syntax.inputs.empty() ? 0 : checked.syntax.inputs.front().refusals.size(), false);
}

void Coverage::record(const Trace& trace) {
    for (const TraceEntry& entry : trace.entries) {
        auto& parts = rows_[entry.definition];
        if (pack_.checked->definitions[entry.definition].kind == dsl::DefinitionKind::let) parts[0] = true;
        else if (entry.row >= 0) parts[entry.row] = true;
    }
}

void Coverage::record_refusal(int rule) {
    if (rule >= 0) refusals_[rule] = true;
}

std::string Coverage::location(dsl::Span span) const {
    const dsl::Source& source = pack_.checked->sources[span.file];
    dsl::LineColumn at = source.locate(span.begin);
    return source.name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::vector<CoverageItem> Coverage::items() const {
    const auto& checked = *pack_.checked;
    std::vector<CoverageItem> out;
    for (std::size_t slot = 0; slot < checked.definitions.size(); ++slot) {
        const dsl::Definition& d = checked.definitions[slot];
        switch (d.kind) {
            case dsl::DefinitionKind::let:
                out.push_back({"definition", d.name, location(d.span), rows_[slot][0]});
                break;
            case dsl::DefinitionKind::decision: {
                const auto& rows = checked.syntax.decisions[d.syntax_index].rows;
                for (std::size_t r = 0; r < rows.size(); ++r)
                    out.push_back({"row", row_label(pack_, static_cast<int>(slot), static_cast<int>(r)),
                                   location(rows[r].span), rows_[slot][r]});
                break;
            }
            case dsl::DefinitionKind::table: {
                const auto& entries = checked.syntax.tables[d.syntax_index].entries;
                for (std::size_t e = 0; e < entries.size(); ++e)
                    out.push_back({"table entry", d.name + ", entry " + std::to_string(e + 1),
                                   location(entries[e].span), rows_[slot][e]});
                break;
            }
        }
    }
    for (std::size_t r = 0; r < refusals_.size(); ++r)
        out.push_back(
            {"refusal",
             "refusal " + std::to_string(r + 1) + " (" + checked.syntax.inputs.front().refusals[r].because + ")",
             location(checked.syntax.inputs.front().refusals[r].span), refusals_[r]});
    return out;
}

}  // namespace frontdoor::engine
