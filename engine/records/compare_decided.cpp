// frontdoor/decision_difference.hpp: one input's two answers compared as an impact report
// compares them (compare_decisions.cpp), reduced to what a running service counts.
#include "frontdoor/decision_difference.hpp"

#include "engine/json/json_members.hpp"
#include "engine/records/compare_decisions.hpp"

namespace frontdoor {

namespace {

records::DecisionSide side_of(const Decided& decided) {
    if (decided.refused) return {"", decided.path + ": " + decided.message};
    return {decided.json, ""};
}

std::string outcome_label(const Decided& decided, const std::string& outcome) {
    if (decided.refused) return "refused";
    return records::unquote(outcome);
}

}  // namespace

DecisionDifference compare_decided(const Decided& before, const Decided& after) {
    records::Comparison comparison = records::compare_decisions(side_of(before), side_of(after), "");
    DecisionDifference difference;
    difference.outcome_before = outcome_label(before, comparison.outcome_before);
    difference.outcome_after = outcome_label(after, comparison.outcome_after);
    if (!comparison.changed) return difference;
    difference.differs = true;
    difference.contact_id = comparison.changed->contact_id;
    for (const ValueChange& field : comparison.changed->fields) difference.fields.push_back(field.name);
    return difference;
}

}  // namespace frontdoor
