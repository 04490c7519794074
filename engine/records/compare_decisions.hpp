#pragma once
// Comparing one contact's decision under two packs. Generic: a decision is a JSON object whose
// members other than "ruleset" and "explanation" (which the engine adds) are the pack's fields.
#include "frontdoor/replay.hpp"

#include <string>
#include <string_view>

namespace frontdoor::records {

// One side of a comparison: a decision, or the refusal ("path: message") that stood for one.
struct DecisionSide {
    std::string decision;
    std::string refusal;
    bool refused() const { return decision.empty(); }
};

// The outcome of a decision: its "outcome" field as raw JSON, or that field's "code" when it is
// an object with one; "null" when it has neither.
std::string outcome_of(std::string_view decision);

struct Comparison {
    std::string outcome_before, outcome_after;  // "" for a refused side
    std::optional<ChangedDecision> changed;     // empty when no field differs
};

Comparison compare_decisions(const DecisionSide& before, const DecisionSide& after, std::string label);

// Contacts that both packs refused: counted in refused_before and in refused_after, compared
// nowhere.
std::size_t refused_by_both(const ImpactReport& report);
// Every contact of the report, each once: compared + refused_before + refused_after - refused_by_both.
std::size_t contacts_in(const ImpactReport& report);
// The listed contacts whose explanation alone changed (frontdoor::explanation_only).
std::size_t explanation_changed(const ImpactReport& report);
// Contacts decided by both packs with nothing changed, not even their explanation.
std::size_t unchanged(const ImpactReport& report);

}  // namespace frontdoor::records
