#include "walkthrough_json.hpp"

#include "frontdoor/display_text.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

json shown_lines(const std::vector<std::string>& lines) {
    json out = json::array();
    for (const auto& line : lines) out.push_back(escape_for_display(line));
    return out;
}

json step_json(const WalkthroughStep& step) {
    return {{"heading", escape_for_display(step.heading)},
            {"source", escape_for_display(step.source)},
            {"lines", shown_lines(step.lines)}};
}

// An output field with the rule that gave each value, and (for a collection) each row that gave
// nothing and why: what the page shows beside the decision.
json field_json(const WalkthroughField& field) {
    auto value = [](const WalkthroughValue& v) {
        std::string words;
        for (const auto& part : v.parts)
            words += (words.empty() ? "" : ", ") + (part.name.empty() ? "" : part.name + " ") + part.shown;
        return json{{"shown", escape_for_display(words)},
                    {"rule", escape_for_display(v.rule)},
                    {"because", escape_for_display(v.because)}};
    };
    json items = json::array(), not_applied = json::array();
    for (const auto& item : field.items) items.push_back(value(item));
    for (const auto& [row, why] : field.not_applied)
        not_applied.push_back({{"row", escape_for_display(row)}, {"because", escape_for_display(why)}});
    json out = {{"name", field.name}, {"called", escape_for_display(field.called)}, {"collection", field.collection}};
    if (field.collection) {
        out["items"] = std::move(items);
        out["not_applied"] = std::move(not_applied);
    } else {
        out["value"] = value(field.whole);
    }
    return out;
}

}  // namespace

json walkthrough_json(const Walkthrough& walkthrough) {
    json steps = json::array(), fields = json::array();
    int number = 0;
    for (const auto& step : walkthrough.steps) {
        json item = step_json(step);
        item["number"] = ++number;
        steps.push_back(std::move(item));
    }
    for (const auto& field : walkthrough.fields) fields.push_back(field_json(field));
    return {{"facts", shown_lines(walkthrough.facts)},
            {"steps", std::move(steps)},
            {"result", shown_lines(walkthrough.result)},
            {"fields", std::move(fields)},
            {"decision", json::parse(walkthrough.decision_json, nullptr, false)}};
}

json what_if_json(const WhatIfComparison& compared, const std::vector<std::string>& changes) {
    json differences = json::array(), steps = json::array();
    for (const auto& d : compared.differences)
        differences.push_back({{"change", d.change}, {"before", d.before}, {"now", d.now}});
    for (const auto& s : compared.steps) {
        json step = step_json(s.step);
        step["note"] = s.note;
        steps.push_back(std::move(step));
    }
    json out = {{"changes", shown_lines(changes)},
                {"facts_changed", compared.facts_changed},
                {"differences", std::move(differences)},
                {"steps", std::move(steps)}};
    if (compared.refused_before) {
        out["refused_before"] = compared.refusal_before;
        out["decided_now"] = compared.decided_now;
    }
    return out;
}

}  // namespace frontdoor::http
