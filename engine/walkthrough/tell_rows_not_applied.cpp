// Why the rows of a collect decision that added nothing did not apply: the part of the condition
// that failed and the facts it read, or the empty list a `for each` row walked, so that a decision
// where no row applied still says which rows were tried.
#include "engine/explain/explain.hpp"
#include "engine/walkthrough/narrator.hpp"

#include <algorithm>

namespace frontdoor {

namespace ast = dsl::ast;

std::string Narrator::read_of_site(const engine::ReadSite& site) {
    return path_words(site) + " is " + value(evaluation_.eval(*site.expr), site.expr->type);
}

// The conjunct of an `and` chain that made a condition false, as the engine finds it for a
// first-match row (Evaluation::failing_part), whose text and reads are indexed at load.
const ast::Expr* Narrator::failing_part(const ast::Expr& condition) {
    if (condition.kind == ast::ExprKind::binary && condition.resolved.op == ast::Op::logical_and)
        return failing_part(evaluation_.holds(*condition.args[0]) ? *condition.args[1] : *condition.args[0]);
    return &condition;
}

RowNotApplied Narrator::why_not(const ast::Row& row, int index) {
    RowNotApplied out{index, "", {}};
    if (row.each_list) {
        std::string list = engine::expression_text(checked_, *row.each_list);
        engine::Value items = evaluation_.eval(*row.each_list);
        if (engine::is_path(*row.each_list)) out.facts.push_back(list + " is " + value(items, row.each_list->type));
        if (items.elements().empty()) {
            out.reason = list + " is empty";
        } else {
            out.reason = "for none of the " + std::to_string(items.elements().size()) + " items of " + list + " does " +
                         engine::expression_text(pack_, *row.condition) + " hold";
        }
        return out;
    }
    const ast::Expr* failed = failing_part(*row.condition);
    const engine::FailedPart& part = pack_.explanation.failed_parts[static_cast<std::size_t>(failed->id)];
    for (std::uint32_t i = part.reads.begin; i < part.reads.end; ++i)
        out.facts.push_back(read_of_site(pack_.explanation.read_sites[i]));
    std::string facts;
    for (const auto& fact : out.facts) facts += (facts.empty() ? "" : "; ") + fact;
    out.reason = engine::expression_text(pack_, *failed) + " does not hold" + (facts.empty() ? "" : " (" + facts + ")");
    return out;
}

std::vector<RowNotApplied> Narrator::rows_not_applied(int definition) {
    const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(definition)];
    const ast::Decision& decision = checked_.syntax.decisions[d.syntax_index];
    // A decision that does not depend on the input is settled at load: its rows leave no trace.
    const auto& constants = pack_.constant_definitions;
    if (!constants.empty() && constants[static_cast<std::size_t>(definition)]) return {};
    std::vector<bool> applied(decision.rows.size(), false);
    for (const auto& entry : trace_.entries)
        if (entry.definition == definition && entry.row >= 0) applied[static_cast<std::size_t>(entry.row)] = true;
    std::vector<RowNotApplied> out;
    for (std::size_t r = 0; r < decision.rows.size(); ++r)
        if (!applied[r]) out.push_back(why_not(decision.rows[r], static_cast<int>(r)));
    return out;
}

WalkthroughStep Narrator::rows_not_applied_step(int definition, const std::vector<RowNotApplied>& rows) {
    const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(definition)];
    const ast::Decision& decision = checked_.syntax.decisions[d.syntax_index];
    bool none_applied = rows.size() == decision.rows.size();
    WalkthroughStep step;
    step.heading = heading_name(definition) + (none_applied ? " (each row that applies adds to it): no row applies"
                                                            : ": the rows that add nothing");
    step.key = d.name + ": the rows that add nothing";
    for (const auto& row : rows) {
        const ast::Citation& c = decision.rows[static_cast<std::size_t>(row.row)].citation;
        std::string called = row_called(decision, row.row);
        step.outcome += (step.outcome.empty() ? "" : ", ") + called;
        step.lines.push_back(called + " does not apply: " + row.reason + (c.present ? " [" + c.text + "]" : ""));
    }
    step.outcome += " added nothing";
    if (none_applied) step.lines.push_back("so " + called(definition) + " is empty");
    return step;
}

}  // namespace frontdoor
