// Walkthroughs: what a trainer reads must carry the calendar's reasoning and the rows tried.
#include "frontdoor/walkthrough.hpp"

#include <catch2/catch.hpp>

namespace {

const frontdoor::Pack& hackney_pack() {
    static auto result = frontdoor::Pack::load_directory(std::string(FRONTDOOR_SOURCE_DIR) + "/rules/hackney");
    REQUIRE(result.pack);
    return *result.pack;
}

const char* const easter_form = R"({"contact_id":"W1","received_at":"2024-03-30T20:00:00Z","channel":"form",
    "request_type":"concern","referrer":{"source":"1A"},"child":{"child_id":"K1","birth_date":"2014-09-09"},
    "indicators":["bullying"],"consent":{"parent":"given"}})";

}  // namespace

TEST_CASE("a walkthrough explains the clock start across Easter and the rows tried", "[walkthrough]") {
    frontdoor::Walkthrough w = frontdoor::walk_through(hackney_pack(), easter_form);
    REQUIRE_FALSE(w.refused);
    std::string text = frontdoor::render_walkthrough(w, "Easter form", false, false);
    CHECK_THAT(text, Catch::Contains("Saturday 30 March 2024 at 20:00 (+00:00) is outside opening hours"));
    CHECK_THAT(text, Catch::Contains("Monday 1 April 2024 is a holiday: Easter Monday"));
    CHECK_THAT(text, Catch::Contains("so the next opening is Tuesday 2 April 2024 at 09:00 (+01:00)"));
    CHECK_THAT(text, Catch::Contains(
                         "✗ row level_2_no_consent does not apply: contact.consent.parent != \"given\" does not hold"));
    CHECK_THAT(text, Catch::Contains("✓ row early_help_screening applies: level_of_need = 2"));
    CHECK_THAT(text, Catch::Contains("plus 72 hours of elapsed time is Friday 5 April 2024 at 09:00 (+01:00)"));
    std::string markdown = frontdoor::render_walkthrough(w, "Easter form", true, false);
    CHECK_THAT(markdown, Catch::StartsWith("# Walkthrough: Easter form"));
    CHECK(markdown.find("\033[") == std::string::npos);
    CHECK_THAT(markdown,
               Catch::EndsWith("## Appendix: the decision as JSON\n\n```json\n" + w.decision_json + "\n```\n"));
}

TEST_CASE("a walkthrough speaks in the pack's labels and keeps the JSON for its appendix", "[walkthrough]") {
    frontdoor::Walkthrough w = frontdoor::walk_through(hackney_pack(), easter_form);
    REQUIRE_FALSE(w.refused);
    std::string text = frontdoor::render_walkthrough(w, "Easter form", false, false);
    // A labelled definition: its label, and in a heading its name in brackets.
    CHECK_THAT(text, Catch::Contains("\n5. level of need (level_of_need) (the first row that applies decides)"));
    CHECK_THAT(text, Catch::Contains("    so level of need is 2\n"));
    CHECK_THAT(text, Catch::Contains("    so the recommended pathway is early help screening\n"));
    // Enumeration members by their labels, in the facts and in a read of a definition's field.
    CHECK_THAT(text, Catch::Contains("  contact.channel is the online form\n"));
    CHECK_THAT(text, Catch::Contains("(code of the recommended pathway is early help screening)"));
    CHECK_THAT(text, Catch::Contains("  the recommended pathway (outcome): early help screening\n"));
    CHECK_THAT(text, Catch::Contains("  flags for the team (flags): none\n"));
    // The decision's JSON, byte for byte, only in the appendix.
    std::string appendix = "\nAppendix: the decision as JSON\n" + w.decision_json + "\n";
    REQUIRE_THAT(text, Catch::EndsWith(appendix));
    std::string narrative = text.substr(0, text.size() - appendix.size());
    CHECK(narrative.find("{\"") == std::string::npos);
    CHECK(narrative.find("\":") == std::string::npos);
    CHECK(narrative.find("[]") == std::string::npos);
}

TEST_CASE("a what-if shows what changed in the decision and why", "[walkthrough]") {
    std::string changed = easter_form;
    std::string error;
    REQUIRE(frontdoor::apply_what_if(changed, "indicators=[\"bullying\",\"poor_housing\",\"young_carer\"]", error));
    frontdoor::Walkthrough before = frontdoor::walk_through(hackney_pack(), easter_form);
    frontdoor::Walkthrough after = frontdoor::walk_through(hackney_pack(), changed);
    std::string text = frontdoor::render_what_if(before, after, {"indicators=[...]"}, false, false);
    CHECK_THAT(text, Catch::Contains("level of need (level_of_need) changed from 2 to 3"));
    CHECK_THAT(
        text, Catch::Contains("the recommended pathway (outcome): code changed from early help screening to children's "
                              "social care screening\n"
                              "    before: the recommended pathway, row early_help_screening applied because "
                              "level_of_need = 2 (level of need is 2)"));
    // The screening decision's deadline moved: the same item, from another row on each side.
    CHECK_THAT(text,
               Catch::Contains("deadlines to meet (deadlines): \"screening_decision\": due_at moved from Friday 5 "
                               "April 2024 at 09:00 to Wednesday 3 April 2024 at 09:00\n"
                               "    before: deadlines to meet, row early_help_within_72_hours added it because"));
    CHECK_THAT(text, Catch::Contains("    now: deadlines to meet, row screening_within_24_hours added it because"));
    CHECK(text.find("appeared") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("plus 24 hours of elapsed time is Wednesday 3 April 2024 at 09:00 (+01:00)"));
    CHECK_FALSE(frontdoor::apply_what_if(changed, "no-equals-sign", error));
    CHECK_THAT(error, Catch::Contains("PATH=VALUE"));
}

TEST_CASE("a walkthrough of refused input says why nothing was decided", "[walkthrough]") {
    frontdoor::Walkthrough w = frontdoor::walk_through(hackney_pack(), R"({"contact_id":"W2"})");
    CHECK(w.refused);
    CHECK_THAT(frontdoor::render_walkthrough(w, "bad", false, false), Catch::Contains("The input is refused"));
}

TEST_CASE("compare_what_if gives the what-if as data: each difference with its cause on each side", "[walkthrough]") {
    std::string changed = easter_form;
    std::string error;
    REQUIRE(frontdoor::apply_what_if(changed, "indicators=[\"bullying\",\"poor_housing\",\"young_carer\"]", error));
    frontdoor::Walkthrough before = frontdoor::walk_through(hackney_pack(), easter_form);
    frontdoor::Walkthrough after = frontdoor::walk_through(hackney_pack(), changed);
    frontdoor::WhatIfComparison compared = frontdoor::compare_what_if(before, after);
    CHECK_FALSE(compared.refused_before);
    CHECK_FALSE(compared.refused_after);
    REQUIRE_FALSE(compared.differences.empty());
    CHECK(compared.differences[0].change == "level of need (level_of_need) changed from 2 to 3");
    const frontdoor::WhatIfDifference* moved = nullptr;
    for (const auto& d : compared.differences)
        if (d.change.find("due_at moved from Friday 5 April 2024") != std::string::npos) moved = &d;
    REQUIRE(moved);
    CHECK_THAT(moved->before, Catch::StartsWith("deadlines to meet, row early_help_within_72_hours added it because"));
    CHECK_THAT(moved->now, Catch::StartsWith("deadlines to meet, row screening_within_24_hours added it because"));
    REQUIRE_FALSE(compared.steps.empty());
    CHECK(compared.steps[0].note == "(before: row level_2 gives 2)");
    // Every difference the data holds is in the text render_what_if lays out.
    std::string text = frontdoor::render_what_if(before, after, {}, false, false);
    for (const auto& d : compared.differences) CHECK_THAT(text, Catch::Contains("  " + d.change + "\n"));

    std::string refused = easter_form;
    REQUIRE(frontdoor::apply_what_if(refused, "child.birth_date=\"soon\"", error));
    frontdoor::WhatIfComparison refusal =
        frontdoor::compare_what_if(before, frontdoor::walk_through(hackney_pack(), refused));
    CHECK(refusal.refused_after);
    CHECK_THAT(refusal.refusal_after, Catch::StartsWith("at /child/birth_date: "));
    CHECK(refusal.differences.empty());
}
