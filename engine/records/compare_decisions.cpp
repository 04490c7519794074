// Field-by-field and rule-by-rule comparison of two decisions of the same contact. Unchanged
// decisions, the great majority, are settled by comparing byte ranges; only changed ones have
// their explanations taken apart.
#include "engine/records/compare_decisions.hpp"

#include "engine/records/json_members.hpp"

#include <map>

namespace frontdoor::records {

namespace {

bool engine_member(std::string_view key) { return key == "ruleset" || key == "explanation"; }

// The pack's own fields, changed between the two decisions, in the order they were written.
std::vector<ValueChange> changed_fields(std::string_view before, std::string_view after) {
    auto old_members = split_members(before), new_members = split_members(after);
    std::map<std::string_view, std::string_view> old_values(old_members.begin(), old_members.end());
    std::map<std::string_view, std::string_view> new_values(new_members.begin(), new_members.end());
    std::vector<ValueChange> out;
    for (const auto& [key, value] : old_members) {
        if (engine_member(key)) continue;
        auto other = new_values.find(key);
        std::string_view now = other == new_values.end() ? std::string_view() : other->second;
        if (now != value) out.push_back({unquote("\"" + std::string(key) + "\""), "", std::string(value), std::string(now)});
    }
    for (const auto& [key, value] : new_members)
        if (!engine_member(key) && !old_values.count(key))
            out.push_back({unquote("\"" + std::string(key) + "\""), "", "", std::string(value)});
    return out;
}

struct RuleEntry {
    std::string_view result;  // "value", or "adds" for a collecting row
    std::string_view reads;
};

// Explanation entries by rule name; a name that occurs twice keeps both, in order.
std::map<std::string, std::vector<RuleEntry>> rule_entries(std::string_view decision) {
    std::map<std::string, std::vector<RuleEntry>> out;
    auto explanation = find_member(decision, "explanation");
    if (!explanation) return out;
    for (std::string_view element : split_elements(*explanation)) {
        std::string rule;
        RuleEntry entry;
        for (const auto& [key, value] : split_members(element)) {
            if (key == "rule") rule = unquote(value);
            else if (key == "value" || key == "adds") entry.result = value;
            else if (key == "reads") entry.reads = value;
        }
        out[rule].push_back(entry);
    }
    return out;
}

std::vector<ValueChange> changed_rules(std::string_view before, std::string_view after) {
    auto old_rules = rule_entries(before), new_rules = rule_entries(after);
    std::vector<ValueChange> out;
    auto add = [&](const std::string& rule, const RuleEntry* was, const RuleEntry* now) {
        if (was && now && was->result == now->result) return;
        std::string change = !was ? "now applies" : !now ? "no longer applies"
                             : was->reads == now->reads ? "same facts, different result"
                                                        : "different facts and result";
        out.push_back({rule, change, was ? std::string(was->result) : "", now ? std::string(now->result) : ""});
    };
    for (const auto& [rule, entries] : old_rules) {
        auto other = new_rules.find(rule);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            bool paired = other != new_rules.end() && i < other->second.size();
            add(rule, &entries[i], paired ? &other->second[i] : nullptr);
        }
    }
    for (const auto& [rule, entries] : new_rules) {
        auto other = old_rules.find(rule);
        std::size_t known = other == old_rules.end() ? 0 : other->second.size();
        for (std::size_t i = known; i < entries.size(); ++i) add(rule, nullptr, &entries[i]);
    }
    return out;
}

}  // namespace

std::string outcome_of(std::string_view decision) {
    auto outcome = find_member(decision, "outcome");
    if (!outcome) return "null";
    if (auto code = find_member(*outcome, "code")) return std::string(*code);
    return std::string(*outcome);
}

Comparison compare_decisions(const DecisionSide& before, const DecisionSide& after, std::string label) {
    Comparison comparison;
    if (!before.refused()) comparison.outcome_before = outcome_of(before.decision);
    if (!after.refused()) comparison.outcome_after = outcome_of(after.decision);
    if (before.refused() && after.refused()) return comparison;
    std::vector<ValueChange> fields;
    if (!before.refused() && !after.refused()) {
        fields = changed_fields(before.decision, after.decision);
        if (fields.empty()) return comparison;
    }
    ChangedDecision changed;
    changed.label = std::move(label);
    auto id = find_member(after.refused() ? before.decision : after.decision, "contact_id");
    if (id && *id != "null") changed.contact_id = unquote(*id);
    changed.outcome_before = comparison.outcome_before;
    changed.outcome_after = comparison.outcome_after;
    changed.refusal_before = before.refusal;
    changed.refusal_after = after.refusal;
    changed.fields = std::move(fields);
    if (!before.refused() && !after.refused()) changed.explanation = changed_rules(before.decision, after.decision);
    comparison.changed = std::move(changed);
    return comparison;
}

}  // namespace frontdoor::records
