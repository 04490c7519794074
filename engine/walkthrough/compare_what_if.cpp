// What a what-if changed, as data: each output field, item, date and time that changed, appeared,
// disappeared or moved, with the row that gave it on each side; then each step that went
// differently. Items of a list or set are matched by their key (a record's first field), so that a
// deadline whose time moved is "moved", not one gone and one new. render_what_if.cpp lays it out.
#include "engine/walkthrough/walkthrough_style.hpp"

#include <map>

namespace frontdoor {

namespace {

// "outcome, row csc_screening applied because level_of_need = 3 (...)", or a definition's reads.
std::string cause(const WalkthroughValue& value) {
    if (value.rule.find(", row ") != std::string::npos)
        return value.rule + " applied " + (value.because.rfind("otherwise", 0) == 0 ? "" : "because ") + value.because;
    return value.because.empty() ? value.rule : value.rule + ": " + value.because;
}

std::string change(const std::string& what, const WalkthroughPart& was, const WalkthroughPart& now) {
    return what + (was.is_time || now.is_time ? " moved from " : " changed from ") + was.shown + " to " + now.shown;
}

// An item in words: its key, then its other parts ("screening_decision (due_at Friday ...)").
std::string item_words(const WalkthroughValue& item) {
    std::string rest;
    for (std::size_t i = 1; i < item.parts.size(); ++i)
        rest += (rest.empty() ? "" : ", ") + item.parts[i].name + " " + item.parts[i].shown;
    return item.key + (rest.empty() ? "" : " (" + rest + ")");
}

std::string added_by(const WalkthroughValue& item) {
    return item.rule.empty() ? "" : item.rule + " added it because " + item.because;
}

// Why `rule` did not add the item on this side: it did not apply, or it applied to other items;
// for a list given whole by one rule, the rule that gave it on this side.
std::string not_added(const WalkthroughField& side, const std::string& rule) {
    if (!side.whole.rule.empty()) return cause(side.whole);
    if (rule.empty()) return "";
    for (const auto& [row, reason] : side.not_applied)
        if (row == rule) return row + " does not apply: " + reason;
    return rule + " applies, but does not add this item";
}

// Collects the differences of one field after another; when several parts of one value changed,
// the causes are told once, under the last of them.
class DifferenceList {
public:
    void whole(const WalkthroughField& was, const WalkthroughField& now) {
        const auto& a = was.whole.parts;
        const auto& b = now.whole.parts;
        if (a.size() == b.size()) {
            bool same = true;
            for (std::size_t i = 0; i < a.size(); ++i) same = same && a[i].shown == b[i].shown;
            if (same) return;
        }
        std::vector<std::string> lines;
        if (a.size() == b.size() && !(a.size() == 1 && a[0].name.empty())) {
            for (std::size_t i = 0; i < a.size(); ++i)
                if (a[i].shown != b[i].shown) lines.push_back(change(now.called + ": " + a[i].name, a[i], b[i]));
        } else if (!a.empty() && !b.empty()) {
            lines.push_back(change(now.called, a[0], b[0]));
        }
        add(lines, was.whole.rule.empty() ? "" : cause(was.whole), now.whole.rule.empty() ? "" : cause(now.whole));
    }

    void items(const WalkthroughField& was, const WalkthroughField& now) {
        std::vector<bool> matched(now.items.size(), false);
        for (const auto& old : was.items) {
            const WalkthroughValue* found = nullptr;
            for (std::size_t i = 0; i < now.items.size() && !found; ++i)
                if (!matched[i] && now.items[i].key == old.key) {
                    matched[i] = true;
                    found = &now.items[i];
                }
            if (found) same_item(now.called, old, *found);
            else
                differences.push_back(
                    {now.called + ": " + item_words(old) + " disappeared", added_by(old), not_added(now, old.rule)});
        }
        for (std::size_t i = 0; i < now.items.size(); ++i)
            if (!matched[i])
                differences.push_back({now.called + ": " + item_words(now.items[i]) + " appeared",
                                       not_added(was, now.items[i].rule), added_by(now.items[i])});
    }

    std::vector<WhatIfDifference> differences;

private:
    void same_item(const std::string& field, const WalkthroughValue& old, const WalkthroughValue& now) {
        std::vector<std::string> lines;
        for (std::size_t i = 1; i < old.parts.size() && i < now.parts.size(); ++i)
            if (old.parts[i].shown != now.parts[i].shown)
                lines.push_back(change(field + ": " + old.key + ": " + old.parts[i].name, old.parts[i], now.parts[i]));
        if (lines.empty() && old.rule != now.rule)
            lines.push_back(field + ": " + old.key + " stays, now added by another row");
        add(lines, added_by(old), added_by(now));
    }

    void add(const std::vector<std::string>& lines, const std::string& before, const std::string& now) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            bool last = i + 1 == lines.size();
            differences.push_back({lines[i], last ? before : "", last ? now : ""});
        }
    }
};

// What changed in the decision, field by field in the decision's order.
std::vector<WhatIfDifference> decision_changes(const Walkthrough& before, const Walkthrough& after) {
    std::map<std::string, const WalkthroughField*> was;
    for (const auto& field : before.fields) was[field.name] = &field;
    DifferenceList list;
    for (const auto& field : after.fields) {
        auto found = was.find(field.name);
        if (found == was.end()) continue;
        if (field.collection) list.items(*found->second, field);
        else list.whole(*found->second, field);
    }
    return list.differences;
}

// The steps whose row or value changed, those new, and those that no longer happen; a step whose
// result stayed the same is left out even when the facts it read changed.
std::vector<WhatIfStep> step_changes(const Walkthrough& before, const Walkthrough& after) {
    std::map<std::string, const WalkthroughStep*> was, now;
    for (const auto& step : before.steps) was[step.key] = &step;
    for (const auto& step : after.steps) now[step.key] = &step;
    std::vector<WhatIfStep> out;
    for (const auto& step : after.steps) {
        auto old = was.find(step.key);
        if (old == was.end()) out.push_back({step, "(a new step: it did not happen before)"});
        else if (old->second->outcome != step.outcome) out.push_back({step, "(before: " + old->second->outcome + ")"});
    }
    for (const auto& step : before.steps)
        if (!now.count(step.key)) out.push_back({step, "(this step no longer happens)"});
    return out;
}

// The facts of the input that the what-ifs changed, in words: "x.level was 1; now it is 4" (only
// facts read on both sides: a fact read on one side only is no change of a fact).
std::vector<std::string> facts_changed(const Walkthrough& before, const Walkthrough& after) {
    auto split = [](const std::vector<std::string>& facts) {
        std::map<std::string, std::string> out;
        for (const auto& fact : facts) {
            auto is = fact.find(" is ");
            if (is != std::string::npos) out.emplace(fact.substr(0, is), fact.substr(is + 4));
        }
        return out;
    };
    auto was = split(before.facts), now = split(after.facts);
    std::vector<std::string> out;
    for (const auto& fact : after.facts) {
        std::string path = fact.substr(0, fact.find(" is "));
        auto old = was.find(path);
        if (old != was.end() && old->second != now[path])
            out.push_back(path + " was " + old->second + "; now it is " + now[path]);
    }
    return out;
}

}  // namespace

WhatIfComparison compare_what_if(const Walkthrough& shown_before, const Walkthrough& shown_after) {
    Walkthrough before = displayable(shown_before), after = displayable(shown_after);
    WhatIfComparison out;
    out.refused_before = before.refused;
    out.refusal_before = before.refusal;
    out.refused_after = after.refused;
    out.refusal_after = after.refusal;
    if (!before.refused && !after.refused) out.facts_changed = facts_changed(before, after);
    if (after.refused) return out;
    if (before.refused) {
        out.decided_now = after.result;
        return out;
    }
    out.differences = decision_changes(before, after);
    out.steps = step_changes(before, after);
    return out;
}

}  // namespace frontdoor
