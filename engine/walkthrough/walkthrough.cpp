// walk_through(): turns one evaluation's trace into a trainer's step-by-step account.
#include "engine/decide/decide.hpp"
#include "engine/json/json_members.hpp"
#include "engine/load/pack_access.hpp"
#include "engine/walkthrough/narrator.hpp"

#include <algorithm>

namespace frontdoor {

using engine::Evaluation;
using engine::TraceEntry;

namespace {

// The facts a walkthrough lists: the input's paths only, each once, in the order first read.
class FactList {
public:
    FactList(std::vector<std::string>& facts, std::string prefix) : facts_(facts), prefix_(std::move(prefix)) {}
    void add(const std::vector<std::string>& facts) {
        for (const auto& fact : facts)
            if (fact.rfind(prefix_, 0) == 0 && std::find(facts_.begin(), facts_.end(), fact) == facts_.end())
                facts_.push_back(fact);
    }

private:
    std::vector<std::string>& facts_;
    std::string prefix_;
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
    FactList facts(out.facts, compiled.checked->input_name + ".");
    for (const TraceEntry& entry : trace.entries) {
        // The facts that decided the rows that did not apply count as read too, before the row's own.
        for (const auto& attempt : trace.attempts_of(entry)) facts.add(narrator.facts(attempt.reads));
        facts.add(narrator.facts(entry.reads));
        bool collect_total =
            entry.row < 0 && compiled.checked->definitions[entry.definition].kind == dsl::DefinitionKind::decision;
        if (!collect_total) {
            out.steps.push_back(narrator.step(entry));
            continue;
        }
        auto not_applied = narrator.rows_not_applied(entry.definition);
        for (const auto& row : not_applied) facts.add(row.facts);
        if (!not_applied.empty()) out.steps.push_back(narrator.rows_not_applied_step(entry.definition, not_applied));
    }
    out.fields = narrator.describe_fields();
    // The decision is the engine's own JSON: cut into its members (engine/json/json_document.hpp says
    // why), each value shown exactly as the decision holds it.
    for (const auto& [field, value] : records::split_members(out.decision_json))
        if (field != "explanation" && field != "ruleset")
            out.result.push_back(records::unquote("\"" + std::string(field) + "\"") + ": " + std::string(value));
    return out;
}

}  // namespace frontdoor
