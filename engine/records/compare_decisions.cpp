// Field-by-field and rule-by-rule comparison of two decisions of the same contact. Unchanged
// decisions, the great majority, are settled by comparing byte ranges; only changed ones have
// their explanations taken apart.
#include "engine/records/compare_decisions.hpp"

#include "engine/json/json_members.hpp"

#include <map>
#include <set>

namespace frontdoor::records {

namespace {

bool engine_member(std::string_view key) { return key == "ruleset" || key == "explanation"; }

using Members = std::vector<std::pair<std::string_view, std::string_view>>;

std::string_view member_of(const Members& members, std::string_view key) {
    for (const auto& [k, value] : members)
        if (k == key) return value;
    return {};
}

std::string outcome_in(const Members& members) {
    std::string_view outcome = member_of(members, "outcome");
    if (outcome.empty()) return "null";
    if (auto code = find_member(outcome, "code")) return std::string(*code);
    return std::string(outcome);
}

// The pack's own fields, changed between the two decisions, in the order they were written.
// Both decisions nearly always list the same fields in the same order: compared pairwise.
std::vector<ValueChange> changed_fields(const Members& before, const Members& after) {
    std::vector<ValueChange> out;
    auto name = [](std::string_view key) { return unquote("\"" + std::string(key) + "\""); };
    for (const auto& [key, value] : before) {
        if (engine_member(key)) continue;
        std::string_view now = member_of(after, key);
        if (now != value) out.push_back({name(key), "", std::string(value), std::string(now)});
    }
    for (const auto& [key, value] : after)
        if (!engine_member(key) && member_of(before, key).empty())
            out.push_back({name(key), "", "", std::string(value)});
    return out;
}

struct RuleEntry {
    std::string rule;
    std::size_t occurrence = 0;  // the how-manieth entry of this rule (a rule may appear twice)
    std::string_view result;     // "value", or "adds" for a collecting row
    std::string_view reads;
    std::string_view source;  // its citation
    std::string_view when;    // its condition, as written
};

// Explanation entries in the order they were worked out.
std::vector<RuleEntry> rule_entries(std::string_view explanation) {
    std::vector<RuleEntry> out;
    std::map<std::string, std::size_t> seen;
    for (std::string_view element : split_elements(explanation)) {
        RuleEntry entry;
        std::string row_name;
        for (const auto& [key, value] : split_members(element)) {
            if (key == "rule") entry.rule = unquote(value);
            else if (key == "row_name") row_name = unquote(value);
            else if (key == "value" || key == "adds") entry.result = value;
            else if (key == "reads") entry.reads = value;
            else if (key == "source") entry.source = value;
            else if (key == "when") entry.when = value;
        }
        // A named row is matched by its name ("outcome, row call_police"), so a row inserted above
        // it does not make the report blame the row that now has its old position.
        if (!row_name.empty()) entry.rule = entry.rule.substr(0, entry.rule.find(", row ")) + ", row " + row_name;
        entry.occurrence = seen[entry.rule]++;
        out.push_back(std::move(entry));
    }
    return out;
}

// Explanation entries that differ between two explanations, matched by rule name: those of the
// old explanation in its order, then those only the new one has, in its order.
std::vector<ValueChange> changed_rules(std::string_view before, std::string_view after) {
    auto old_rules = rule_entries(before), new_rules = rule_entries(after);
    std::map<std::pair<std::string_view, std::size_t>, const RuleEntry*> old_index, new_index;
    for (const auto& entry : old_rules) old_index[{entry.rule, entry.occurrence}] = &entry;
    for (const auto& entry : new_rules) new_index[{entry.rule, entry.occurrence}] = &entry;
    std::vector<ValueChange> out;
    auto add = [&](const std::string& rule, const RuleEntry* was, const RuleEntry* now) {
        // The same result for other words: the explanation a person reads changed all the same.
        if (was && now && was->result == now->result) {
            if (was->source != now->source)
                out.push_back({rule, "citation changed", std::string(was->source), std::string(now->source)});
            else if (was->when != now->when)
                out.push_back({rule, "condition changed", std::string(was->when), std::string(now->when)});
            return;
        }
        std::string change = !was                       ? "now applies"
                             : !now                     ? "no longer applies"
                             : was->reads == now->reads ? "same facts, different result"
                                                        : "different facts and result";
        out.push_back({rule, change, was ? std::string(was->result) : "", now ? std::string(now->result) : ""});
    };
    // An unnamed row that only moved (an `otherwise` below an inserted row: "row 3" now "row 4"),
    // with the same citation, condition, facts and result, is the same row: no change to report.
    std::set<const RuleEntry*> moved;
    for (const auto& was : old_rules) {
        if (new_index.count({was.rule, was.occurrence}) || was.rule.find(", row ") == std::string::npos) continue;
        for (const auto& now : new_rules)
            if (!old_index.count({now.rule, now.occurrence}) && !moved.count(&now) &&
                now.rule.substr(0, now.rule.find(", row ")) == was.rule.substr(0, was.rule.find(", row ")) &&
                now.result == was.result && now.source == was.source && now.when == was.when &&
                now.reads == was.reads) {
                moved.insert(&was);
                moved.insert(&now);
                break;
            }
    }
    for (const auto& entry : old_rules) {
        auto other = new_index.find({entry.rule, entry.occurrence});
        if (!moved.count(&entry)) add(entry.rule, &entry, other == new_index.end() ? nullptr : other->second);
    }
    for (const auto& entry : new_rules)
        if (!old_index.count({entry.rule, entry.occurrence}) && !moved.count(&entry)) add(entry.rule, nullptr, &entry);
    return out;
}

// The pack's own fields of a decision, whole: `before` or `after` of each.
std::vector<ValueChange> decided_fields(const Members& members, bool before) {
    std::vector<ValueChange> out;
    for (const auto& [key, value] : members) {
        if (engine_member(key)) continue;
        std::string name = unquote("\"" + std::string(key) + "\"");
        if (before) out.push_back({std::move(name), "", std::string(value), ""});
        else out.push_back({std::move(name), "", "", std::string(value)});
    }
    return out;
}

}  // namespace

std::string outcome_of(std::string_view decision) { return outcome_in(split_members(decision)); }

std::size_t refused_by_both(const ImpactReport& report) {
    // A contact refused before and decided after is a changed decision, listed; the rest of those
    // refused before were refused after too.
    std::size_t refused_before_only = 0;
    for (const ChangedDecision& contact : report.contacts)
        refused_before_only += !contact.refusal_before.empty() && contact.refusal_after.empty();
    return report.refused_before - refused_before_only;
}

std::size_t contacts_in(const ImpactReport& report) {
    return report.compared + report.refused_before + report.refused_after - refused_by_both(report);
}

std::size_t explanation_changed(const ImpactReport& report) {
    std::size_t count = 0;
    for (const ChangedDecision& contact : report.contacts) count += explanation_only(contact);
    return count;
}

std::size_t unchanged(const ImpactReport& report) {
    // Changed decisions decided by both packs are changed minus those one pack refused.
    std::size_t refused_one = report.refused_before + report.refused_after - 2 * refused_by_both(report);
    return report.compared - (report.changed - refused_one) - explanation_changed(report);
}

Comparison compare_decisions(const DecisionSide& before, const DecisionSide& after, std::string label) {
    Comparison comparison;
    Members old_members = split_members(before.decision), new_members = split_members(after.decision);
    if (!before.refused()) comparison.outcome_before = outcome_in(old_members);
    if (!after.refused()) comparison.outcome_after = outcome_in(new_members);
    if (before.refused() && after.refused()) return comparison;
    std::vector<ValueChange> fields, explanation;
    bool both_decided = !before.refused() && !after.refused();
    if (both_decided) {
        fields = changed_fields(old_members, new_members);
        std::string_view old_explanation = member_of(old_members, "explanation"),
                         new_explanation = member_of(new_members, "explanation");
        if (fields.empty() && old_explanation == new_explanation) return comparison;
        explanation = changed_rules(old_explanation, new_explanation);
        // With the same fields, only a change of the words a person reads (a citation, a
        // condition) is a change; a step that gave another value to the same end is not.
        if (fields.empty())
            std::erase_if(explanation, [](const ValueChange& entry) {
                return entry.change != "citation changed" && entry.change != "condition changed";
            });
        if (fields.empty() && explanation.empty()) return comparison;
    }
    ChangedDecision changed;
    changed.label = std::move(label);
    std::string_view id = member_of(after.refused() ? old_members : new_members, "contact_id");
    if (!id.empty() && id != "null") changed.contact_id = unquote(id);
    changed.outcome_before = comparison.outcome_before;
    changed.outcome_after = comparison.outcome_after;
    changed.refusal_before = before.refusal;
    changed.refusal_after = after.refusal;
    changed.fields = std::move(fields);
    changed.explanation = std::move(explanation);
    if (!both_decided)
        changed.decided = before.refused() ? decided_fields(new_members, false) : decided_fields(old_members, true);
    comparison.changed = std::move(changed);
    return comparison;
}

}  // namespace frontdoor::records

namespace frontdoor {

bool explanation_only(const ChangedDecision& contact) {
    return contact.refusal_before.empty() && contact.refusal_after.empty() && contact.fields.empty();
}

}  // namespace frontdoor
