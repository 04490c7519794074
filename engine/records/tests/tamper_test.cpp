// Tampering with a decision log's tables directly, the way someone with write access to the SQLite
// file or the PostgreSQL tables could, must be caught by verify, which names the first broken record.
#include "test_records_fixture.hpp"

#include "engine/records/hash_record.hpp"

using namespace records_test;

namespace {

// A log of the scenario contacts; returns how many records it holds.
std::size_t make_log(const ScratchLog& scratch) {
    std::size_t records = record(scratch.location, *sample_pack(), scenario_contacts());
    REQUIRE(records > 100);
    return records;
}

}  // namespace

TEST_CASE("an intact log verifies, with its head", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::size_t records = make_log(scratch);
    auto report = verify(scratch.location);
    CHECK(report.ok());
    CHECK(report.problem.empty());
    CHECK(report.records == static_cast<std::int64_t>(records));
    CHECK(report.head_id == static_cast<std::int64_t>(records));
    CHECK(report.packs == 1);
    CHECK(report.first_broken == 0);
}

TEST_CASE("editing any field of a record is caught at that record", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    // Each edit as SQLite and as PostgreSQL word it.
    auto edit = GENERATE(values<std::pair<std::string, std::string>>({
        {"decision = replace(decision, '\"consent\":', '\"consent \":')",
         "decision = convert_to(replace(convert_from(decision, 'UTF8'), '\"consent\":', '\"consent \":'), 'UTF8')"},
        {"input = CAST(CAST(input AS TEXT) || ' ' AS BLOB)", "input = input || '\\x20'::bytea"},
        {"contact_id = 'someone-else'", "contact_id = convert_to('someone-else', 'UTF8')"},
        {"recorded_at = '2020-01-01T00:00:00.000Z'", "recorded_at = '2020-01-01T00:00:00.000Z'"},
        {"engine_version = '9.9.9'", "engine_version = '9.9.9'"},
        {"pack_digest = 'sha256:' || hex(randomblob(32))",
         "pack_digest = 'sha256:' || md5(random()::text) || md5(random()::text)"},
    }));
    INFO((scratch.on_postgres() ? edit.second : edit.first));
    scratch.tamper("UPDATE records SET " + edit.first + " WHERE id = 7",
                   "UPDATE records SET " + edit.second + " WHERE id = 7");
    auto report = verify(scratch.location);
    CHECK_FALSE(report.ok());
    CHECK(report.first_broken == 7);
    CHECK(report.problem.rfind("record 7: its content does not match its hash", 0) == 0);
    CHECK(report.records == 6);
}

TEST_CASE("deleting a row is caught at the record after the hole", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    scratch.tamper("DELETE FROM records WHERE id = 12");
    auto report = verify(scratch.location);
    CHECK(report.first_broken == 13);
    CHECK(report.problem == "record 13: record 12 is missing (deleted, or the log was cut)");
}

TEST_CASE("swapping two rows is caught at the first of them", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    scratch.tamper("UPDATE records SET id = -1 WHERE id = 20; UPDATE records SET id = 20 WHERE id = 30;"
                   "UPDATE records SET id = 30 WHERE id = -1;");
    auto report = verify(scratch.location);
    CHECK(report.first_broken == 20);
    CHECK(report.problem.rfind("record 20: ", 0) == 0);
}

TEST_CASE("changing a stored rule file is caught at the first record that used the pack", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    scratch.tamper(
        "UPDATE pack_files SET content = CAST(replace(CAST(content AS TEXT), 'level_2_indicators_for_level_3 = 3',"
        " 'level_2_indicators_for_level_3 = 2') AS BLOB) WHERE path = 'thresholds.rules'",
        "UPDATE pack_files SET content = convert_to(replace(convert_from(content, 'UTF8'), "
        "'level_2_indicators_for_level_3 = 3', 'level_2_indicators_for_level_3 = 2'), 'UTF8') "
        "WHERE path = convert_to('thresholds.rules', 'UTF8')");
    auto report = verify(scratch.location);
    CHECK(report.first_broken == 1);
    CHECK(report.problem.find("record 1: its pack sha256:") == 0);
    CHECK(report.problem.find("a rule or data file was changed") != std::string::npos);
}

TEST_CASE("removing a stored pack is caught", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    scratch.tamper("DELETE FROM pack_files; DELETE FROM packs;");
    auto report = verify(scratch.location);
    CHECK(report.first_broken == 1);
    CHECK(report.problem == "record 1: the log does not hold its pack " + sample_pack()->digest());
}

TEST_CASE("a record rewritten with a fresh hash breaks the next record's link", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    auto log = frontdoor::DecisionLog::open(scratch.location, frontdoor::DecisionLog::Access::read);
    frontdoor::RecordFilter fifth;
    fifth.id = 5;
    frontdoor::Record record = log->find(fifth).at(0);
    record.contact_id = "someone-else";
    std::string hash = frontdoor::records::hash_record(record);
    scratch.tamper("UPDATE records SET contact_id = " + scratch.text_literal("someone-else") + ", hash = '" + hash +
                   "' WHERE id = 5");
    auto report = verify(scratch.location);
    CHECK(report.first_broken == 6);
    CHECK(report.problem ==
          "record 6: it does not follow on from record 5: a record before it was changed, removed or moved");
}

TEST_CASE("cutting off the last records is caught only against a published head", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::size_t records = make_log(scratch);
    std::string published = verify(scratch.location).head_hash;
    scratch.tamper("DELETE FROM records WHERE id > " + std::to_string(records - 3));
    // The chain that is left is whole: nothing in the file itself shows the cut.
    CHECK(verify(scratch.location).ok());
    auto report = verify(scratch.location, published);
    CHECK_FALSE(report.ok());
    CHECK(report.problem.find("the published head " + published + " is not in the chain") == 0);
}

TEST_CASE("one record is checked on its own: its hash and its link to the record before it", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    make_log(scratch);
    auto record_of = [&](std::int64_t id) {
        frontdoor::RecordFilter filter;
        filter.id = id;
        return frontdoor::DecisionLog::open(scratch.location, frontdoor::DecisionLog::Access::read)->find(filter).at(0);
    };
    auto check = [&](std::int64_t id) {
        return frontdoor::DecisionLog::open(scratch.location, frontdoor::DecisionLog::Access::read)
            ->check_record(record_of(id));
    };
    CHECK(check(1).empty());
    CHECK(check(7).empty());
    scratch.tamper("UPDATE records SET decision = replace(decision, '\"consent\":', '\"consent \":') WHERE id = 7",
                   "UPDATE records SET decision = convert_to(replace(convert_from(decision, 'UTF8'), '\"consent\":', "
                   "'\"consent \":'), 'UTF8') WHERE id = 7");
    CHECK(check(7) == "record 7: its content does not match its hash: it was changed after it was recorded");
    CHECK(check(8).empty());  // its link names record 7's stored hash, which is unchanged
    scratch.tamper("DELETE FROM records WHERE id = 12");
    CHECK(check(13) == "record 13: record 12 is missing (deleted, or the log was cut)");
    frontdoor::Record fifth = record_of(5);
    fifth.contact_id = "someone-else";
    std::string hash = frontdoor::records::hash_record(fifth);
    scratch.tamper("UPDATE records SET contact_id = " + scratch.text_literal("someone-else") + ", hash = '" + hash +
                   "' WHERE id = 5");
    CHECK(check(5).empty());
    CHECK(check(6) ==
          "record 6: it does not follow on from record 5: a record before it was changed, removed or moved");
    scratch.tamper("UPDATE records SET previous_hash = 'sha256:' || hex(randomblob(32)) WHERE id = 1",
                   "UPDATE records SET previous_hash = 'sha256:' || md5(random()::text) || md5(random()::text) "
                   "WHERE id = 1");
    CHECK(check(1).find("record 1: its content does not match its hash") == 0);
}
