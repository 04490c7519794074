// Every text of a walkthrough escaped for display (frontdoor/display_text.hpp), as both renderers
// show it: a contact's values and a pack's names may hold control or bidirectional characters.
#include "engine/walkthrough/walkthrough_style.hpp"

namespace frontdoor {

Walkthrough displayable(Walkthrough w) {
    auto escape = [](std::string& text) { text = escape_for_display(text); };
    escape(w.refusal);
    for (auto& fact : w.facts) escape(fact);
    for (auto& step : w.steps) {
        escape(step.heading);
        escape(step.source);
        for (auto& line : step.lines) escape(line);
        escape(step.key);
        escape(step.outcome);
    }
    for (auto& line : w.result) escape(line);
    auto escape_value = [&](WalkthroughValue& value) {
        for (auto* text : {&value.key, &value.rule, &value.because}) escape(*text);
        for (auto& part : value.parts) {
            escape(part.name);
            escape(part.shown);
        }
    };
    for (auto& field : w.fields) {
        escape(field.name);
        escape(field.called);
        escape_value(field.whole);
        for (auto& item : field.items) escape_value(item);
        for (auto& [rule, reason] : field.not_applied) {
            escape(rule);
            escape(reason);
        }
    }
    return w;
}

}  // namespace frontdoor
