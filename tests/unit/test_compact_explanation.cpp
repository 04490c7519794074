// The compact explanation (issue 15, `eval --explain compact`): each entry's fixed members replaced
// by "$ref":K into the pack's dictionary, and written back byte for byte by the pack that made it;
// a log of compact decisions verifies, replays and is shown in full.
#include "test_records_fixture.hpp"

#include "frontdoor/batch.hpp"
#include "frontdoor/replay.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace {

frontdoor::DecideOptions compact_form() {
    frontdoor::DecideOptions options;
    options.compact_explanation = true;
    return options;
}

}  // namespace

TEST_CASE("a compact decision expands to the full decision's bytes, for every Hackney scenario", "[compact]") {
    auto pack = records_test::sample_pack();
    std::size_t decided = 0, full_bytes = 0, compact_bytes = 0;
    for (const auto& contact : records_test::scenario_contacts()) {
        frontdoor::Decided full = pack->decide(contact);
        frontdoor::Decided compact = pack->decide(contact, compact_form());
        REQUIRE(compact.refused == full.refused);
        if (full.refused) {  // a refusal has no explanation: the same path and words
            CHECK(compact.path == full.path);
            CHECK(compact.message == full.message);
            continue;
        }
        ++decided;
        full_bytes += full.json.size();
        compact_bytes += compact.json.size();
        CHECK(frontdoor::has_compact_explanation(compact.json));
        CHECK_FALSE(frontdoor::has_compact_explanation(full.json));
        CHECK(pack->expand_explanation(compact.json) == full.json);
        CHECK(pack->expand_explanation(full.json) == full.json);
        // Everything but the explanation is the same.
        auto a = nlohmann::json::parse(full.json), b = nlohmann::json::parse(compact.json);
        a.erase("explanation");
        b.erase("explanation");
        CHECK(a == b);
    }
    CHECK(decided > 100);
    CHECK(compact_bytes * 10 < full_bytes * 7);  // at least 30% smaller
}

TEST_CASE("without the explanation a compact decision is the plain one", "[compact]") {
    auto contact = records_test::scenario_contacts().front();
    frontdoor::DecideOptions brief;
    brief.explain = false;
    frontdoor::DecideOptions brief_compact = compact_form();
    brief_compact.explain = false;
    CHECK(records_test::sample_pack()->decide(contact, brief_compact).json ==
          records_test::sample_pack()->decide(contact, brief).json);
}

TEST_CASE("the explanation dictionary names its pack and holds every entry a compact decision refers to", "[compact]") {
    auto pack = records_test::sample_pack();
    auto dictionary = nlohmann::json::parse(pack->explanation_dictionary());
    CHECK(dictionary["format"] == "frontdoor-explain-dictionary/1");
    CHECK(dictionary["ruleset"]["digest"] == pack->digest());
    const auto& entries = dictionary["entries"];
    REQUIRE(entries.size() > 50);
    for (const auto& contact : records_test::scenario_contacts()) {
        frontdoor::Decided compact = pack->decide(contact, compact_form());
        if (compact.refused) continue;
        auto decision = nlohmann::json::parse(compact.json);  // kept: the loop below walks into it
        for (const auto& entry : decision["explanation"]) {
            REQUIRE(entry.contains("$ref"));
            CHECK(entry["$ref"].get<std::size_t>() < entries.size());
            for (const auto& attempt : entry.value("not_matched", nlohmann::json::array()))
                CHECK(attempt["$ref"].get<std::size_t>() < entries.size());
        }
    }
    CHECK(entries[0].contains("rule"));
    CHECK(entries[0].contains("source"));
}

TEST_CASE("a compact decision is expanded only by the pack that made it, and a bad reference is refused", "[compact]") {
    auto contact = records_test::scenario_contacts().front();
    frontdoor::Decided compact = records_test::sample_pack()->decide(contact, compact_form());
    REQUIRE_FALSE(compact.refused);
    auto other = records_test::sample_pack_lowered_threshold();
    CHECK_THROWS_WITH(other->expand_explanation(compact.json),
                      Catch::Contains("the decision was made by pack " + records_test::sample_pack()->digest()));
    std::string broken = compact.json;
    auto at = broken.find(R"("$ref":)");
    broken.replace(at, 7, R"("$ref":9999999)");
    CHECK_THROWS_WITH(records_test::sample_pack()->expand_explanation(broken),
                      Catch::Contains("is not an entry of this pack's explanation dictionary"));
    CHECK_THROWS_AS(records_test::sample_pack()->expand_explanation(R"({"outcome":1})"), std::invalid_argument);
}

TEST_CASE("a log of compact decisions verifies, replays identically and reads back in full", "[compact]") {
    records_test::ScratchDir dir;
    auto pack = records_test::sample_pack();
    auto log = frontdoor::DecisionLog::open(dir.file("log.sqlite"), frontdoor::DecisionLog::Access::append);
    std::string text;
    for (const auto& contact : records_test::scenario_contacts()) text += contact + "\n";
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    frontdoor::BatchOptions options;
    options.decide = compact_form();
    options.threads = 2;
    auto summary = frontdoor::decide_batch(*pack, lines, log.get(), options, [](std::string_view) {});
    REQUIRE(summary.decided > 100);
    CHECK(log->verify().ok());
    auto replayed = frontdoor::replay_log(*log, {}, 2);
    CHECK(replayed.replayed == static_cast<std::int64_t>(summary.decided));
    CHECK(replayed.differences.empty());
    for (const auto& record : log->find({})) {
        REQUIRE(frontdoor::has_compact_explanation(record.decision));
        std::string full = log->full_decision(record);
        CHECK(full == pack->decide(record.input).json);
    }
    auto impact = frontdoor::assess_log_impact(*log, {}, *pack, 2);
    CHECK(impact.compared == summary.decided);
    CHECK(impact.changed == 0);
    CHECK(impact.contacts.empty());  // not even an explanation differs once the recorded one is expanded
}
