// Walkthroughs as text for a terminal (optionally coloured) or as Markdown for handouts, and the
// what-if changes applied to an input before it is walked through again.
#include "frontdoor/display_text.hpp"
#include "frontdoor/testing.hpp"
#include "frontdoor/walkthrough.hpp"

#include "engine/json/parse_json_within_depth.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor {

namespace {

struct Style {
    bool markdown;
    bool colour;
    std::string bold(const std::string& s) const {
        return markdown ? "**" + s + "**" : colour ? "\033[1m" + s + "\033[0m" : s;
    }
    std::string dim(const std::string& s) const {
        return markdown ? "*" + s + "*" : colour ? "\033[2m" + s + "\033[0m" : s;
    }
    std::string good(const std::string& s) const { return colour && !markdown ? "\033[32m" + s + "\033[0m" : s; }
    std::string bad(const std::string& s) const { return colour && !markdown ? "\033[31m" + s + "\033[0m" : s; }
    std::string heading(const std::string& s) const { return markdown ? "## " + s + "\n\n" : bold(s) + "\n"; }
    std::string item(const std::string& s, int depth = 1) const {
        return (markdown ? std::string(static_cast<std::size_t>(depth - 1) * 2, ' ') + "- "
                         : std::string(static_cast<std::size_t>(depth) * 2, ' ')) +
               s + "\n";
    }
};

std::string mark(const Style& style, const std::string& line) {
    if (line.rfind("row ", 0) == 0 && line.find(" does not apply") != std::string::npos) return style.bad("✗ ") + line;
    if (line.rfind("row ", 0) == 0 && line.find(" applies") != std::string::npos) return style.good("✓ ") + line;
    return line;
}

// Every piece of text, escaped for display before the renderer adds its own marks (colour is ESC
// too): the contact's values, the pack's names and citations, the title and narrative.
Walkthrough displayable(Walkthrough w) {
    auto escape = [](std::string& text) { text = escape_for_display(text); };
    escape(w.refusal);
    for (auto& fact : w.facts) escape(fact);
    for (auto& step : w.steps) {
        escape(step.heading);
        escape(step.source);
        for (auto& line : step.lines) escape(line);
    }
    for (auto& line : w.result) escape(line);
    return w;
}

}  // namespace

std::string render_walkthrough(const Walkthrough& shown, const std::string& shown_title, bool markdown, bool colour) {
    Style style{markdown, colour};
    Walkthrough w = displayable(shown);
    std::string title = escape_for_display(shown_title);
    std::string out = markdown ? "# Walkthrough: " + title + "\n\n" : style.bold("Walkthrough: " + title) + "\n\n";
    if (w.refused) return out + "The input is refused, so nothing is decided: " + w.refusal + "\n";
    out += style.heading("The facts read");
    for (const auto& fact : w.facts) out += style.item(fact);
    out += "\n" + style.heading("How it was decided, step by step");
    int number = 0;
    for (const auto& step : w.steps) {
        std::string head = std::to_string(++number) + ". " + style.bold(step.heading);
        if (!step.source.empty()) head += "  " + style.dim("[" + step.source + "]");
        out += markdown ? head + "\n\n" : head + "\n";
        for (const auto& line : step.lines) out += style.item(mark(style, line), markdown ? 1 : 2);
        if (markdown) out += "\n";
    }
    out += "\n" + style.heading("The decision");
    for (const auto& line : w.result) out += style.item(line);
    return out;
}

std::string render_what_if(const Walkthrough& shown_before, const Walkthrough& shown_after,
                           const std::vector<std::string>& shown_changes, bool markdown, bool colour) {
    Style style{markdown, colour};
    Walkthrough before = displayable(shown_before), after = displayable(shown_after);
    std::vector<std::string> changes;
    for (const auto& change : shown_changes) changes.push_back(escape_for_display(change));
    std::string out = style.heading("What if");
    for (const auto& change : changes) out += style.item(change);
    if (after.refused) return out + "\nThe changed input is refused: " + after.refusal + "\n";
    out += "\n" + style.heading("What changed in the decision");
    bool any = false;
    for (std::size_t i = 0; i < after.result.size(); ++i) {
        std::string was = i < before.result.size() ? before.result[i] : "";
        if (was == after.result[i]) continue;
        any = true;
        out += style.item(style.bad("was ") + was);
        out += style.item(style.good("now ") + after.result[i]);
    }
    if (!any) out += style.item("nothing: the decision is the same");
    out += "\n" + style.heading("Why: the steps that went differently");
    for (const auto& step : after.steps) {
        const WalkthroughStep* old = nullptr;
        for (const auto& s : before.steps)
            if (s.heading == step.heading) old = &s;
        if (old && old->lines == step.lines) continue;
        out += style.item(style.bold(step.heading) +
                          (step.source.empty() ? "" : " " + style.dim("[" + step.source + "]")));
        for (const auto& line : step.lines) out += style.item(mark(style, line), 2);
        if (!old) out += style.item(style.dim("(a new step: it did not happen before)"), 2);
    }
    return out;
}

bool apply_what_if(std::string& input_json, const std::string& assignment, std::string& error) {
    auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
        error = "a what-if is PATH=VALUE, e.g. child.birth_date=\"2010-03-01\" or /indicators=[\"bullying\"]";
        return false;
    }
    std::string path = assignment.substr(0, equals), text = assignment.substr(equals + 1);
    if (path[0] != '/') {
        std::string pointer;
        for (char c : path) pointer += c == '.' ? '/' : c;
        path = "/" + pointer;
    }
    using engine::JsonParseFailure;
    const std::string too_deep = " nests deeper than " + std::to_string(engine::max_json_depth) + " levels (the limit)";
    JsonParseFailure failure = JsonParseFailure::none;
    auto document = engine::parse_json_within_depth<nlohmann::ordered_json>(input_json, &failure);
    if (document.is_discarded()) {
        error = failure == JsonParseFailure::too_deep ? "the input" + too_deep : "the input is not valid JSON";
        return false;
    }
    try {
        nlohmann::ordered_json::json_pointer pointer(path);
        if (text == "absent") {
            document.at(pointer.parent_pointer()).erase(pointer.back());
        } else {
            auto value = engine::parse_json_within_depth<nlohmann::ordered_json>(text, &failure);
            if (failure == JsonParseFailure::too_deep) {
                error = "the value for " + path + too_deep;
                return false;
            }
            document[pointer] = value.is_discarded() ? nlohmann::ordered_json(text) : value;
        }
    } catch (const nlohmann::json::exception& e) {
        error = "cannot set " + path + ": " + e.what();
        return false;
    }
    input_json = document.dump();
    return true;
}

WalkthroughInput walkthrough_input(const std::string& text, const std::string& path) {
    WalkthroughInput out;
    out.contact = text;
    out.title = path;
    auto document = engine::parse_json_within_depth<nlohmann::ordered_json>(text);
    if (!document.is_discarded() && document.is_object() && document.contains("contact") &&
        (document.contains("expect") || document.contains("expect_refusal"))) {
        // Decided from its bytes as written, as eval reads them (frontdoor/testing.hpp); a contact
        // given twice leaves the whole file as the input, which is then refused.
        if (auto contact = scenario_contact(text)) out.contact = std::string(*contact);
        out.title = document.value("scenario", path);
        out.heading = out.title;
        if (document.contains("narrative")) out.title += "\n" + document.value("narrative", "");
        out.expects_refusal = !document.contains("expect");
        out.expectation = document[out.expects_refusal ? "expect_refusal" : "expect"].dump();
    } else {
        out.heading = out.title;
    }
    return out;
}

}  // namespace frontdoor
