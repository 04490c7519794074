// Replay's white-box cases, which need the records' own hash: a falsified decision is found even
// when the chain was rebuilt around it, and a difference is shown in excerpts cut between
// characters. The cases a face can reach are in tests/unit/test_records_replay.cpp.
#include "test_records_fixture.hpp"

#include "dsl/utf8.hpp"
#include "engine/records/hash_record.hpp"
#include "frontdoor/replay.hpp"

using namespace records_test;
using frontdoor::DecisionLog;

TEST_CASE("a falsified decision in a rebuilt chain passes verify but not replay", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    record(scratch.location, *sample_pack(), scenario_contacts());
    // Someone with write access changes record 9's decision and recomputes every hash from it on.
    auto all = DecisionLog::open(scratch.location, DecisionLog::Access::read)->find({});
    std::string& falsified = all[8].decision;
    falsified.replace(falsified.find("\"consent\":"), 10, "\"consent \":");
    std::string sql = "UPDATE records SET decision = " + scratch.text_literal(falsified) + " WHERE id = 9;";
    std::string previous = all[7].hash;
    for (std::size_t i = 8; i < all.size(); ++i) {
        all[i].previous_hash = previous;
        all[i].hash = previous = frontdoor::records::hash_record(all[i]);
        sql += "UPDATE records SET previous_hash = '" + all[i].previous_hash + "', hash = '" + all[i].hash +
               "' WHERE id = " + std::to_string(all[i].id) + ";";
    }
    scratch.tamper(sql);
    CHECK(verify(scratch.location).ok());
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    auto report = frontdoor::replay_log(*log, {}, 2);
    REQUIRE(report.differences.size() == 1);
    CHECK(report.differences[0].record == 9);
    CHECK(report.differences[0].problem.rfind("the decision differs from the recorded one from byte", 0) == 0);
}

namespace {

bool valid_utf8(const std::string& text) { return frontdoor::dsl::first_invalid_utf8(text) == std::string::npos; }

}  // namespace

TEST_CASE("a difference is shown in excerpts cut between characters, never inside one", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    record(scratch.location, *sample_pack(), scenario_contacts());
    // Each record gets one byte changed at a different distance from a "§" (two bytes in UTF-8)
    // of its explanation, so that the excerpts' cuts (40 bytes before, 60 after) fall everywhere
    // around it, inside the character included.
    auto all = DecisionLog::open(scratch.location, DecisionLog::Access::read)->find({});
    std::string sql;
    std::size_t tampered = 0;
    for (const auto& r : all) {
        std::string decision = r.decision;
        std::size_t section = decision.find("\xC2\xA7", 200);
        if (section == std::string::npos) continue;
        std::size_t at = section + 120 - static_cast<std::size_t>(r.id % 120);  // 1 to 120 bytes after it
        if (at >= decision.size() || static_cast<unsigned char>(decision[at]) >= 0x80) continue;
        decision[at] = decision[at] == '#' ? '%' : '#';
        sql += "UPDATE records SET decision = " + scratch.text_literal(decision) +
               " WHERE id = " + std::to_string(r.id) + ";";
        ++tampered;
    }
    REQUIRE(tampered > 60);
    scratch.tamper(sql);
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    auto report = frontdoor::replay_log(*log, {}, 2);
    REQUIRE(report.differences.size() == tampered);
    for (const auto& difference : report.differences) {
        INFO("record " << difference.record << ": " << difference.recorded);
        CHECK(valid_utf8(difference.recorded));
        CHECK(valid_utf8(difference.replayed));
        CHECK(difference.recorded.size() <= 3 + 103 + 3);
    }
}

TEST_CASE("a pack that cannot be had is reported for each of its records", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::size_t records = record(scratch.location, *sample_pack(), scenario_contacts());
    scratch.tamper(
        "UPDATE pack_files SET content = CAST(CAST(content AS TEXT) || ' ' AS BLOB) WHERE path = 'thresholds.rules'",
        "UPDATE pack_files SET content = content || '\\x20'::bytea WHERE path = convert_to('thresholds.rules', 'UTF8')");
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    auto report = frontdoor::replay_log(*log, {}, 2);
    CHECK(report.replayed == static_cast<std::int64_t>(records));
    REQUIRE(report.differences.size() == records);
    for (const auto& difference : report.differences)
        CHECK(difference.problem == "the stored files of pack " + sample_pack()->digest() + " do not match its digest");
}

TEST_CASE("time bounds select by time of recording, with or without a closing Z", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::size_t records = record(scratch.location, *sample_pack(), scenario_contacts());
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    std::string first = log->find({}).at(0).recorded_at;  // e.g. 2024-05-01T09:30:00.123Z
    std::string bound = GENERATE(as<std::string>{}, "", "Z");
    std::size_t length = GENERATE(10u, 16u, 19u, 23u);
    if (length == 10 && !bound.empty()) return;  // a date alone takes no Z
    frontdoor::RecordFilter filter;
    filter.from = first.substr(0, length) + bound;
    INFO("from " << filter.from);
    CHECK(log->find(filter).size() == records);
    filter.to = filter.from;
    auto same_span = log->find(filter);
    REQUIRE_FALSE(same_span.empty());
    CHECK(same_span[0].id == 1);
    filter.from = "2999-01-01T00:00" + bound;
    filter.to.clear();
    CHECK(log->find(filter).empty());
}

TEST_CASE("a time bound with an offset other than Z is refused, not compared as UTC", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    record(scratch.location, *sample_pack(), scenario_contacts());
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    frontdoor::RecordFilter filter;
    filter.to = "2024-05-01T10:30+01:00";
    CHECK(frontdoor::time_bounds_problem(filter) ==
          "the bound 'to' is \"2024-05-01T10:30+01:00\": expected a UTC date or time, 2024-05-01 or 2024-05-01T09:00 "
          "(seconds and milliseconds may follow, and a closing Z), with no other offset");
    CHECK_THROWS_AS(log->find(filter), std::invalid_argument);
    filter.to = "2024-05-01T09:30Z";
    filter.from = "1 May 2024";
    CHECK(frontdoor::time_bounds_problem(filter).find("the bound 'from' is \"1 May 2024\"") == 0);
    filter.from = "2024-05-01";
    CHECK(frontdoor::time_bounds_problem(filter).empty());
}

TEST_CASE("contacts refused by both packs are counted once, and not compared", "[records]") {
    std::string contacts;
    for (const auto& contact : scenario_contacts()) contacts += contact + "\n";
    contacts += "not JSON\n{\"contact_id\": 5}\n";
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(contacts));
    auto report = frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack_lowered_threshold(), 2);
    REQUIRE(report.refused_before >= 2);
    CHECK(report.refused_before == report.refused_after);
    std::size_t lines = scenario_contacts().size() + 2;
    std::string json = frontdoor::impact_json(report);
    CHECK(json.rfind("{\"total\":" + std::to_string(lines) + ",", 0) == 0);
    CHECK(json.find("\"refused_both\":" + std::to_string(report.refused_before)) != std::string::npos);
}
