// walk_through(): turns one evaluation's trace into a trainer's step-by-step account.
#include "frontdoor/walkthrough.hpp"
#include "engine/calendar/explain_calendar.hpp"
#include "engine/decide/decide.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/explain/explain.hpp"
#include "engine/explain/render_value.hpp"
#include "engine/json/json_members.hpp"
#include "engine/load/pack_access.hpp"

namespace frontdoor {

namespace ast = dsl::ast;
using engine::Evaluation;
using engine::TraceEntry;

namespace {

class Narrator {
public:
    Narrator(const engine::CompiledPack& pack, const engine::Trace& trace, Evaluation& evaluation)
        : pack_(pack), checked_(*pack.checked), trace_(trace), evaluation_(evaluation) {}

    // Long lists (an indicator catalogue) are named by size and first items, not recited.
    std::string value(const engine::Value& v, const dsl::TypeRef& type) {
        const auto& items = v.elements();
        if ((v.kind != engine::Value::Kind::list) || items.size() <= 6) return engine::describe_value(pack_, v, type);
        std::string out = "a list of " + std::to_string(items.size()) + " (";
        for (std::size_t i = 0; i < 3; ++i) out += engine::describe_value(pack_, items[i], type->element) + ", ";
        return out + "...)";
    }

    std::string reads(engine::TraceRun run) {
        std::string out;
        for (const auto& read : trace_.reads_of(run))
            out += (out.empty() ? "" : "; ") + std::string(read.path()) + " is " + value(read.value, read.type());
        return out;
    }

    // Calendar reasoning for the parts of `expr` that were actually evaluated.
    void reasoning(const ast::Expr& expr, std::vector<std::string>& lines) {
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

    WalkthroughStep step(const TraceEntry& entry) {
        const dsl::Definition& d = checked_.definitions[entry.definition];
        WalkthroughStep step;
        const ast::Citation* citation = engine::citation_of(pack_, entry.definition, entry.row);
        step.source = citation && citation->present ? citation->text : "";
        switch (d.kind) {
            case dsl::DefinitionKind::let: {
                step.heading = d.name;
                const ast::Let& let = checked_.syntax.lets[d.syntax_index];
                reasoning(*let.value, step.lines);
                if (!entry.reads.empty()) step.lines.push_back("it reads: " + reads(entry.reads));
                step.lines.push_back(d.name + " is " + value(entry.value, *entry.type));
                break;
            }
            case dsl::DefinitionKind::table:
                step.heading = engine::rule_name(pack_, entry);
                step.lines.push_back(step.heading + " is " + value(entry.value, *entry.type));
                break;
            case dsl::DefinitionKind::decision: decision_step(entry, d, step); break;
        }
        return step;
    }

private:
    void add(std::vector<std::string>& lines, std::string line) {
        for (const auto& existing : lines)
            if (existing == line) return;
        lines.push_back(std::move(line));
    }

    // "row call_police" for a named row, "row 3" for one known by its position.
    static std::string row_called(const ast::Decision& decision, int row) {
        const std::string& name = decision.rows[static_cast<std::size_t>(row)].name;
        return "row " + (name.empty() ? std::to_string(row + 1) : name);
    }

    void decision_step(const TraceEntry& entry, const dsl::Definition& d, WalkthroughStep& step) {
        const ast::Decision& decision = checked_.syntax.decisions[d.syntax_index];
        const ast::Row& row = decision.rows[entry.row];
        std::string row_name = row_called(decision, entry.row);
        if (decision.policy == ast::HitPolicy::collect) {
            step.heading = d.name + ": " + row_name + " adds " + value(entry.value, *entry.type);
            if (entry.condition)
                step.lines.push_back("because " + engine::expression_text(pack_, *entry.condition) +
                                     (entry.reads.empty() ? "" : " (" + reads(entry.reads) + ")"));
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
        step.heading = d.name + " (the first row that applies decides)";
        for (const auto& attempt : trace_.attempts_of(entry)) {
            const ast::Citation& c = decision.rows[attempt.row].citation;
            step.lines.push_back(row_called(decision, attempt.row) +
                                 " does not apply: " + engine::expression_text(pack_, *attempt.failed) +
                                 " does not hold" + (attempt.reads.empty() ? "" : " (" + reads(attempt.reads) + ")") +
                                 (c.present ? " [" + c.text + "]" : ""));
        }
        std::string applies =
            row_name + " applies: " +
            (entry.condition ? engine::expression_text(pack_, *entry.condition) : "otherwise, as no row above applied");
        if (entry.condition && !entry.reads.empty()) applies += " (" + reads(entry.reads) + ")";
        step.lines.push_back(applies);
        reasoning(*row.value, step.lines);
        step.lines.push_back("so " + d.name + " is " + value(entry.value, *entry.type));
    }

    const engine::CompiledPack& pack_;
    const dsl::CheckedPack& checked_;
    const engine::Trace& trace_;
    Evaluation& evaluation_;
};

}  // namespace

Walkthrough walk_through(const Pack& pack, std::string_view input_json) {
    Walkthrough out;
    auto refuse = [&](const std::string& path, const std::string& message) {
        out.refused = true;
        out.refusal = (path.empty() ? "the input" : "at " + path) + ": " + message;
        return out;
    };
    const engine::CompiledPack& compiled = PackAccess::compiled(pack);
    engine::Value input;
    engine::Trace trace;
    engine::DecideResult decided = engine::read_and_decide(compiled, input_json, input, &trace);
    if (decided.refusal) return refuse(decided.refusal->path, decided.refusal->message);
    out.decision_json = std::move(decided.json);
    Evaluation evaluation(compiled, input, nullptr);
    Narrator narrator(compiled, trace, evaluation);
    std::string prefix = compiled.checked->input_name + ".";
    for (const TraceEntry& entry : trace.entries) {
        for (const auto& r : trace.reads_of(entry.reads)) {
            std::string fact = std::string(r.path()) + " is " + narrator.value(r.value, r.type());
            if (r.path().rfind(prefix, 0) == 0 &&
                std::find(out.facts.begin(), out.facts.end(), fact) == out.facts.end())
                out.facts.push_back(fact);
        }
        bool collect_total =
            entry.row < 0 && compiled.checked->definitions[entry.definition].kind == dsl::DefinitionKind::decision;
        if (!collect_total) out.steps.push_back(narrator.step(entry));
    }
    // The decision is the engine's own JSON: cut into its members (engine/json/json_document.hpp says
    // why), each value shown exactly as the decision holds it.
    for (const auto& [field, value] : records::split_members(out.decision_json))
        if (field != "explanation" && field != "ruleset")
            out.result.push_back(records::unquote("\"" + std::string(field) + "\"") + ": " + std::string(value));
    return out;
}

}  // namespace frontdoor
