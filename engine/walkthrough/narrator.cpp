// The narrator's sentences: each step of a trace, the calendar's reasoning, and why rows did not apply.
#include "engine/walkthrough/narrator.hpp"
#include "engine/calendar/explain_calendar.hpp"
#include "engine/explain/explain.hpp"
#include "engine/explain/render_value.hpp"

#include <algorithm>

namespace frontdoor {

namespace ast = dsl::ast;
using engine::TraceEntry;

std::vector<std::string> Narrator::facts(engine::TraceRun run) {
    std::vector<std::string> out;
    for (const auto& read : trace_.reads_of(run))
        out.push_back(path_words(*read.site) + " is " + value(read.value, read.type()));
    return out;
}

std::string Narrator::reads(engine::TraceRun run) {
    std::string out;
    for (const auto& fact : facts(run)) out += (out.empty() ? "" : "; ") + fact;
    return out;
}

std::string Narrator::row_called(const ast::Decision& decision, int row) {
    const std::string& name = decision.rows[static_cast<std::size_t>(row)].name;
    return "row " + (name.empty() ? std::to_string(row + 1) : name);
}

std::string Narrator::because(const TraceEntry& entry) {
    const dsl::Definition& d = checked_.definitions[entry.definition];
    if (d.kind != dsl::DefinitionKind::decision) return entry.reads.empty() ? "" : "it read " + reads(entry.reads);
    const ast::Row& row = checked_.syntax.decisions[d.syntax_index].rows[entry.row];
    if (!entry.condition)
        return row.each_list ? "it adds an item for each of " + engine::expression_text(checked_, *row.each_list)
                             : "otherwise, as no row above applied";
    return engine::expression_text(pack_, *entry.condition) +
           (entry.reads.empty() ? "" : " (" + reads(entry.reads) + ")");
}

// Calendar reasoning for the parts of `expr` that were actually evaluated.
void Narrator::reasoning(const ast::Expr& expr, std::vector<std::string>& lines) {
    if (expr.kind == ast::ExprKind::if_then_else) {
        bool condition = evaluation_.eval(*expr.args[0]).truthy();
        reasoning(*expr.args[0], lines);
        reasoning(*expr.args[condition ? 1 : 2], lines);
        return;
    }
    if (expr.kind == ast::ExprKind::binary &&
        (expr.resolved.op == ast::Op::logical_and || expr.resolved.op == ast::Op::logical_or)) {
        bool left = evaluation_.eval(*expr.args[0]).truthy();
        reasoning(*expr.args[0], lines);
        if (left == (expr.resolved.op == ast::Op::logical_and)) reasoning(*expr.args[1], lines);
        return;
    }
    if (expr.kind == ast::ExprKind::call &&
        (expr.resolved.builtin == ast::Builtin::is_open || expr.resolved.builtin == ast::Builtin::next_opening)) {
        const time::Calendar& calendar = checked_.calendars[expr.args[0]->resolved.index];
        time::Instant t = evaluation_.eval(*expr.args[1]).number;
        if (expr.resolved.builtin == ast::Builtin::is_open) add(lines, time::explain_is_open(calendar, t));
        else
            for (auto& line : time::explain_next_opening(calendar, t)) add(lines, line);
        return;
    }
    if (expr.kind == ast::ExprKind::binary && expr.resolved.op == ast::Op::add && expr.args[1]->type &&
        expr.args[1]->type->kind == dsl::TypeKind::duration && expr.args[0]->type &&
        expr.args[0]->type->kind == dsl::TypeKind::datetime) {
        reasoning(*expr.args[0], lines);
        engine::Value start = evaluation_.eval(*expr.args[0]);
        engine::Value duration = evaluation_.eval(*expr.args[1]);
        engine::Value end = evaluation_.eval(expr);
        const time::Calendar& output = checked_.calendars[checked_.output_calendar];
        if (duration.duration_unit == static_cast<std::uint8_t>(ast::DurationUnit::working_days)) {
            for (auto& line : time::explain_working_days(checked_.calendars[duration.calendar], start.number,
                                                         static_cast<int>(duration.number)))
                add(lines, line);
        } else {
            std::string line = time::describe_instant(output, start.number) + " plus " +
                               engine::describe_duration(checked_, duration) + " of elapsed time is " +
                               time::describe_instant(output, end.number);
            if (output.zone().offset_seconds_at(start.number) != output.zone().offset_seconds_at(end.number))
                line += " (the clocks changed in between, so the wall-clock hour differs)";
            add(lines, line);
        }
        return;
    }
    for (const auto& arg : expr.args) reasoning(*arg, lines);
    for (const auto& [name, field] : expr.fields) reasoning(*field, lines);
}

WalkthroughStep Narrator::step(const TraceEntry& entry) {
    const dsl::Definition& d = checked_.definitions[entry.definition];
    WalkthroughStep step;
    const ast::Citation* citation = engine::citation_of(pack_, entry.definition, entry.row);
    step.source = citation && citation->present ? citation->text : "";
    switch (d.kind) {
        case dsl::DefinitionKind::let: {
            step.heading = heading_name(entry.definition);
            const ast::Let& let = checked_.syntax.lets[d.syntax_index];
            reasoning(*let.value, step.lines);
            if (!entry.reads.empty()) step.lines.push_back("it reads: " + reads(entry.reads));
            step.outcome = value(entry.value, *entry.type);
            step.lines.push_back(called(entry.definition) + " is " + step.outcome);
            break;
        }
        case dsl::DefinitionKind::table: {
            std::string key = entry.key_type ? " for " + value(entry.key, *entry.key_type) : "";
            step.heading = heading_name(entry.definition) + key;
            step.outcome = value(entry.value, *entry.type);
            step.lines.push_back(called(entry.definition) + key + " is " + step.outcome);
            break;
        }
        case dsl::DefinitionKind::decision: decision_step(entry, d, step); break;
    }
    step.key = step.key.empty() ? step.heading : step.key;
    return step;
}

void Narrator::add(std::vector<std::string>& lines, std::string line) {
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
}

void Narrator::decision_step(const TraceEntry& entry, const dsl::Definition& d, WalkthroughStep& step) {
    const ast::Decision& decision = checked_.syntax.decisions[d.syntax_index];
    const ast::Row& row = decision.rows[entry.row];
    std::string row_name = row_called(decision, entry.row);
    if (decision.policy == ast::HitPolicy::collect) {
        step.key = d.name + ": " + row_name;
        step.outcome = value(entry.value, *entry.type);
        step.heading = heading_name(entry.definition) + ": " + row_name + " adds " + step.outcome;
        if (entry.condition) step.lines.push_back("because " + because(entry));
        if (row.each_list) {
            engine::Value list = evaluation_.eval(*row.each_list);
            for (const auto& item : list.elements()) {
                evaluation_.bind(row.each_local, item);
                if (!row.condition || evaluation_.eval(*row.condition).truthy()) reasoning(*row.value, step.lines);
            }
        } else {
            reasoning(*row.value, step.lines);
        }
        return;
    }
    step.heading = heading_name(entry.definition) + " (the first row that applies decides)";
    step.key = d.name;
    for (const auto& attempt : trace_.attempts_of(entry)) {
        const ast::Citation& c = decision.rows[attempt.row].citation;
        step.lines.push_back(row_called(decision, attempt.row) +
                             " does not apply: " + engine::expression_text(pack_, *attempt.failed) + " does not hold" +
                             (attempt.reads.empty() ? "" : " (" + reads(attempt.reads) + ")") +
                             (c.present ? " [" + c.text + "]" : ""));
    }
    step.lines.push_back(row_name + " applies: " + because(entry));
    reasoning(*row.value, step.lines);
    step.outcome = row_name + " gives " + value(entry.value, *entry.type);
    step.lines.push_back("so " + called(entry.definition) + " is " + value(entry.value, *entry.type));
}

}  // namespace frontdoor
