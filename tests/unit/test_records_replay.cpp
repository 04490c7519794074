// Replay: a recorded log re-decides byte-identically with its stored packs, even after the pack's
// directory is gone. Impact: a lowered threshold is reported with its transitions, rules, fields and
// contacts; a pack against itself changes nothing; a log's recorded decisions are the old side.
#include "test_records_fixture.hpp"

#include "frontdoor/replay.hpp"

using frontdoor::DecisionLog;
namespace fs = std::filesystem;
using records_test::backends;
using records_test::record;
using records_test::sample_pack;
using records_test::sample_pack_dir;
using records_test::sample_pack_lowered_threshold;
using records_test::scenario_contacts;
using records_test::ScratchLog;

TEST_CASE("replaying an untouched log finds every decision identical, on one or two threads", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::size_t records = record(scratch.location, *sample_pack(), scenario_contacts());
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    unsigned threads = GENERATE(1u, 2u);
    auto report = frontdoor::replay_log(*log, {}, threads);
    CHECK(report.replayed == static_cast<std::int64_t>(records));
    CHECK(report.differences.empty());
    CHECK(report.other_engine == 0);
}

TEST_CASE("replay uses the pack stored in the log after its directory is gone", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    fs::copy(sample_pack_dir(), scratch.dir.file("pack"), fs::copy_options::recursive);
    auto pack = frontdoor::Pack::load_directory(scratch.dir.file("pack")).pack;
    REQUIRE(pack);
    record(scratch.location, *pack, scenario_contacts());
    fs::remove_all(scratch.dir.file("pack"));
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    auto report = frontdoor::replay_log(*log, {}, 2);
    CHECK(report.replayed > 100);
    CHECK(report.differences.empty());
}

TEST_CASE("the impact of lowering a threshold names the rule, the transitions and the contacts", "[records]") {
    std::string contacts;
    for (const auto& contact : scenario_contacts()) contacts += contact + "\n";
    frontdoor::JsonLinesReader one(frontdoor::text_blocks(contacts)), two(frontdoor::text_blocks(contacts));
    auto report = frontdoor::assess_contacts_impact(one, *sample_pack(), *sample_pack_lowered_threshold(), 1);
    REQUIRE(report.changed > 0);
    CHECK(report.changed == report.contacts.size());
    std::size_t transitions = 0;
    for (const auto& t : report.transitions) transitions += t.count;
    CHECK(transitions == report.compared);
    REQUIRE_FALSE(report.rules.empty());
    CHECK(report.rules[0].rule == "level_2_indicators_for_level_3");
    CHECK(report.rules[0].change == "same facts, different result");
    CHECK(report.rules[0].contacts == report.changed);
    REQUIRE_FALSE(report.fields.empty());
    CHECK(report.fields[0].field == "level_of_need");
    const auto& first = report.contacts[0];
    CHECK(first.label.rfind("line ", 0) == 0);
    CHECK(first.contact_id.has_value());
    CHECK(first.fields.at(0).name == "level_of_need");
    CHECK(first.fields.at(0).before == "2");
    CHECK(first.fields.at(0).after == "3");
    // Two threads give the same report, byte for byte.
    auto threaded = frontdoor::assess_contacts_impact(two, *sample_pack(), *sample_pack_lowered_threshold(), 2);
    CHECK(frontdoor::impact_json(threaded) == frontdoor::impact_json(report));
}

TEST_CASE("a pack compared with itself changes nothing", "[records]") {
    std::string contacts;
    for (const auto& contact : scenario_contacts()) contacts += contact + "\n";
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(contacts));
    auto report = frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack(), 2);
    CHECK(report.changed == 0);
    CHECK(report.contacts.empty());
    CHECK(report.rules.empty());
    for (const auto& t : report.transitions) CHECK(t.before == t.after);
}

TEST_CASE("the impact on a log takes the recorded decisions as the old side", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    auto contacts = scenario_contacts();
    record(scratch.location, *sample_pack(), contacts);
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    auto from_log = frontdoor::assess_log_impact(*log, {}, *sample_pack_lowered_threshold(), 2);
    std::string lines;
    for (const auto& contact : contacts) lines += contact + "\n";
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(lines));
    auto from_contacts = frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack_lowered_threshold(), 2);
    CHECK(from_log.changed == from_contacts.changed);
    CHECK(from_log.compared == from_contacts.compared);  // refused contacts were never recorded
    REQUIRE_FALSE(from_log.contacts.empty());
    CHECK(from_log.contacts[0].label.rfind("record ", 0) == 0);
}
