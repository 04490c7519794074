// walk_through(): turns one evaluation's trace into a trainer's step-by-step account.
#include "engine/decide/decide.hpp"
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

// An item or a whole value in words: its first part, then the others in brackets; absent parts are
// left out.
std::string value_in_words(const WalkthroughValue& value) {
    std::string first, rest;
    for (std::size_t i = 0; i < value.parts.size(); ++i) {
        const WalkthroughPart& part = value.parts[i];
        if (part.shown == "absent" && !part.name.empty()) continue;
        if (i == 0) first = part.shown;
        else rest += (rest.empty() ? "" : ", ") + part.name + " " + part.shown;
    }
    if (first.empty()) return rest;
    return first + (rest.empty() ? "" : " (" + rest + ")");
}

// An output field in words: a list's items joined with commas and "and", "none" for no items.
std::string field_in_words(const WalkthroughField& field) {
    if (!field.collection) return value_in_words(field.whole);
    if (field.items.empty()) return "none";
    std::string out;
    for (std::size_t i = 0; i < field.items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == field.items.size() ? " and " : ", ") + value_in_words(field.items[i]);
    return out;
}

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
    for (const auto& field : out.fields) out.result.push_back(field.called + ": " + field_in_words(field));
    return out;
}

}  // namespace frontdoor
