// compare_decided (frontdoor/decision_difference.hpp), the comparison shadow mode counts, agrees
// with the impact report over the same contacts and packs: the same contacts differ, with the
// same outcome transitions.
#include "test_records_fixture.hpp"

#include "frontdoor/decision_difference.hpp"
#include "frontdoor/replay.hpp"

#include <map>

using namespace records_test;

TEST_CASE("compare_decided finds the changed decisions and outcome transitions an impact report finds", "[records]") {
    auto contacts = scenario_contacts();
    std::map<std::pair<std::string, std::string>, std::size_t> transitions;
    std::size_t differing = 0;
    for (const auto& contact : contacts) {
        auto difference = frontdoor::compare_decided(sample_pack()->decide(contact),
                                                     sample_pack_lowered_threshold()->decide(contact));
        if (!difference.differs) continue;
        ++differing;
        ++transitions[{difference.outcome_before, difference.outcome_after}];
        CHECK(difference.contact_id.has_value());
        CHECK(!difference.fields.empty());
    }
    std::string text;
    for (const auto& contact : contacts) text += contact + "\n";
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    auto report = frontdoor::assess_contacts_impact(lines, *sample_pack(), *sample_pack_lowered_threshold(), 1);
    CHECK(differing == report.changed);
    CHECK(differing > 0);
    CHECK(transitions[{"early_help_screening", "csc_screening"}] > 0);
}

TEST_CASE("compare_decided: the same answer twice differs nowhere; a refusal on one side differs", "[records]") {
    auto contact = scenario_contacts().front();
    auto decided = sample_pack()->decide(contact);
    auto same = frontdoor::compare_decided(decided, decided);
    CHECK_FALSE(same.differs);
    CHECK(same.outcome_before == same.outcome_after);
    CHECK(same.outcome_before.find('"') == std::string::npos);
    auto refused = sample_pack()->decide("{}");
    REQUIRE(refused.refused);
    auto one_side = frontdoor::compare_decided(decided, refused);
    CHECK(one_side.differs);
    CHECK(one_side.outcome_after == "refused");
    CHECK(one_side.contact_id == std::optional<std::string>("C-2024-0001"));
}
