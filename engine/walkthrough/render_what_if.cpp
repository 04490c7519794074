// What a what-if changed, told for a person (compare_what_if.cpp finds it): the changes asked for,
// the facts they changed, each difference in the decision with its cause before and now, then each
// step that went differently.
#include "engine/walkthrough/walkthrough_style.hpp"

namespace frontdoor {

namespace {

std::string difference_text(const Style& style, const WhatIfDifference& difference) {
    std::string out = style.item(difference.change);
    if (!difference.before.empty()) out += style.item(style.bad("before: ") + difference.before, 2);
    if (!difference.now.empty()) out += style.item(style.good("now: ") + difference.now, 2);
    return out;
}

std::string step_text(const Style& style, const WhatIfStep& changed) {
    const WalkthroughStep& step = changed.step;
    std::string out =
        style.item(style.bold(step.heading) + (step.source.empty() ? "" : " " + style.dim("[" + step.source + "]")));
    for (const auto& line : step.lines) out += style.item(mark(style, line), 2);
    if (!changed.note.empty()) out += style.item(style.dim(changed.note), 2);
    return out;
}

}  // namespace

std::string render_what_if(const Walkthrough& before, const Walkthrough& after,
                           const std::vector<std::string>& shown_changes, bool markdown, bool colour) {
    Style style{markdown, colour};
    WhatIfComparison compared = compare_what_if(before, after);
    std::string out = style.heading("What if");
    for (const auto& change : shown_changes) out += style.item(escape_for_display(change));
    for (const auto& fact : compared.facts_changed) out += style.item(fact, 2);
    if (compared.refused_after) return out + "\nThe changed input is refused: " + compared.refusal_after + "\n";
    out += "\n" + style.heading("What changed in the decision");
    if (compared.refused_before) {
        out += style.item("before, the input was refused (" + compared.refusal_before + "); now it is decided:");
        for (const auto& line : compared.decided_now) out += style.item(line, 2);
        return out;
    }
    for (const auto& difference : compared.differences) out += difference_text(style, difference);
    if (compared.differences.empty()) out += style.item("nothing: the decision is the same");
    out += "\n" + style.heading("Why: the steps that went differently");
    for (const auto& step : compared.steps) out += step_text(style, step);
    if (compared.steps.empty()) out += style.item("none: every step gave what it gave before");
    return out;
}

}  // namespace frontdoor
