// Walkthroughs as text for a terminal (optionally coloured) or as Markdown for handouts, and the
// what-if changes applied to an input before it is walked through again (what changed is told by
// render_what_if.cpp).
#include "frontdoor/testing.hpp"

#include "engine/walkthrough/walkthrough_style.hpp"

#include "engine/json/parse_json_within_depth.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor {

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
    // The JSON is the decision as eval writes it, for whoever must match it byte for byte; the story
    // above never needs it. Like every text shown, it is escaped for display: the same bytes, unless
    // a contact's text holds a character a terminal would obey (JSON leaves U+202E as it is).
    out += "\n" + style.heading("Appendix: the decision as JSON");
    std::string json = escape_for_display(shown.decision_json);
    return out + (markdown ? "```json\n" + json + "\n```\n" : json + "\n");
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
    auto twice = [](const std::string& field) {
        return " gives the field '" + field + "' twice in one object; give each field once";
    };
    JsonParseFailure failure = JsonParseFailure::none;
    std::string repeated;
    auto document = engine::parse_json_within_depth<nlohmann::ordered_json>(input_json, &failure, &repeated);
    if (document.is_discarded()) {
        error = failure == JsonParseFailure::too_deep         ? "the input" + too_deep
                : failure == JsonParseFailure::repeated_field ? "the input" + twice(repeated)
                                                              : "the input is not valid JSON";
        return false;
    }
    try {
        nlohmann::ordered_json::json_pointer pointer(path);
        if (text == "absent") {
            document.at(pointer.parent_pointer()).erase(pointer.back());
        } else {
            auto value = engine::parse_json_within_depth<nlohmann::ordered_json>(text, &failure, &repeated);
            if (failure == JsonParseFailure::too_deep || failure == JsonParseFailure::repeated_field) {
                error = "the value for " + path + (failure == JsonParseFailure::too_deep ? too_deep : twice(repeated));
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
