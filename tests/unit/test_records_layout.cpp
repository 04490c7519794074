// A decision log trusts nothing it did not write: a trigger, view, index or changed column planted
// in the file (or, on PostgreSQL, the schema) with SQL is refused for writing, named, and reported
// by verify (issue #11 section 4, issue #16).
#include "test_records_fixture.hpp"

#include <stdexcept>

using namespace records_test;

namespace {

std::int64_t count_records(const std::string& log_path) {
    std::int64_t count = 0;
    frontdoor::DecisionLog::open(log_path, frontdoor::DecisionLog::Access::read)->scan({}, [&](frontdoor::Record&&) {
        ++count;
        return true;
    });
    return count;
}

// The message of the exception opening `log_path` for appending throws, or "" when it opens.
std::string append_refusal(const std::string& log_path) {
    try {
        frontdoor::DecisionLog::open(log_path, frontdoor::DecisionLog::Access::append);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

// A trigger that silently drops every record appended after it, as each backend words it.
const char* const drop_new_trigger_sqlite =
    "CREATE TRIGGER drop_new AFTER INSERT ON records BEGIN DELETE FROM records WHERE id = new.id; END";
const char* const drop_new_trigger_postgres =
    "CREATE FUNCTION drop_new() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'; "
    "CREATE TRIGGER drop_new BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION drop_new()";

}  // namespace

TEST_CASE("a log as Frontdoor makes it has no layout problem", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    auto contacts = scenario_contacts();
    record(scratch.location, *sample_pack(), {contacts.begin(), contacts.begin() + 3});
    CHECK(append_refusal(scratch.location).empty());
    auto log = frontdoor::DecisionLog::open(scratch.location, frontdoor::DecisionLog::Access::read);
    CHECK(log->layout_problem().empty());
    CHECK(log->verify().ok());
}

TEST_CASE("a planted trigger, view, index or column is refused for writing and reported by verify", "[records]") {
    struct Planted {
        std::string sql;
        std::string named;
    };
    // What each backend checks: SQLite every object in the file, PostgreSQL every object on the
    // log's three tables (a view elsewhere in the schema cannot change what they hold).
    const std::vector<Planted> on_sqlite = {
        {drop_new_trigger_sqlite, "a trigger 'drop_new' on 'records' that Frontdoor does not make"},
        {"CREATE VIEW everything AS SELECT * FROM records", "a view 'everything' that Frontdoor does not make"},
        {"CREATE INDEX records_by_hash ON records (hash)",
         "an index 'records_by_hash' on 'records' that Frontdoor does not make"},
        {"ALTER TABLE records ADD COLUMN note TEXT", "the table 'records' defined differently: it has a column 'note'"},
        {"DROP INDEX records_by_time", "no index 'records_by_time'"},
    };
    const std::vector<Planted> on_postgres = {
        {drop_new_trigger_postgres, "a trigger 'drop_new' on 'records' that Frontdoor does not make"},
        {"CREATE INDEX records_by_hash ON records (hash)", "the index 'records_by_hash' ("},
        {"ALTER TABLE records ADD COLUMN note text", "the column 'records.note' ("},
        {"DROP INDEX records_by_time", "it lacks the index 'records_by_time' ("},
        {"CREATE RULE keep_out AS ON INSERT TO records DO INSTEAD NOTHING", "a rule 'keep_out' on 'records'"},
        {"ALTER TABLE records ENABLE ROW LEVEL SECURITY", "the table 'records' with row-level security"},
        {"CREATE TABLE more_records () INHERITS (records)", "a table 'more_records' inheriting from 'records'"},
    };
    auto contacts = scenario_contacts();
    Backend backend = GENERATE(from_range(backends()));
    for (const Planted& change : backend == Backend::sqlite ? on_sqlite : on_postgres) {
        ScratchLog scratch(backend);
        INFO(scratch.backend_name());
        record(scratch.location, *sample_pack(), {contacts.begin(), contacts.begin() + 3});
        scratch.tamper(change.sql);
        INFO(change.sql);
        std::string refusal = append_refusal(scratch.location);
        CHECK(refusal.rfind(
                  "refusing to write to " + scratch.location + ": the log's layout is not the one Frontdoor makes: it ",
                  0) == 0);
        CHECK(refusal.find(change.named) != std::string::npos);
        auto report = verify(scratch.location);
        CHECK_FALSE(report.ok());
        CHECK(report.first_broken == 0);
        CHECK(report.problem.find(change.named) != std::string::npos);
        CHECK(count_records(scratch.location) == 3);
    }
}

TEST_CASE("a trigger planted after the log was opened is caught before the append writes", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    const std::string& log_path = scratch.location;
    auto contacts = scenario_contacts();
    record(log_path, *sample_pack(), {contacts.begin(), contacts.begin() + 3});
    auto log = frontdoor::DecisionLog::open(log_path, frontdoor::DecisionLog::Access::append);
    // One append first, so that the layout this log handle found good is already behind it (the
    // SQLite store compares the layout again only when the schema has changed since).
    auto first = sample_pack()->decide(contacts[3]);
    REQUIRE_FALSE(first.refused);
    log->append(*sample_pack(), {{contacts[3], first.json}});
    scratch.tamper(drop_new_trigger_sqlite, drop_new_trigger_postgres);
    auto decided = sample_pack()->decide(contacts[4]);
    REQUIRE_FALSE(decided.refused);
    CHECK_THROWS_WITH(log->append(*sample_pack(), {{contacts[4], decided.json}}),
                      Catch::Contains("trigger 'drop_new'") && Catch::Contains("nothing was written to it"));
    CHECK(count_records(log_path) == 4);
}

TEST_CASE("log names are plain file paths, never SQLite URIs or a database in memory", "[records]") {
    ScratchDir dir;
    auto previous = fs::current_path();
    fs::current_path(dir.path);
    auto contacts = scenario_contacts();
    for (const std::string name : {"file:x.db", ":memory:"}) {
        INFO(name);
        CHECK(record(name, *sample_pack(), {contacts.begin(), contacts.begin() + 2}) == 2);
        CHECK(fs::is_regular_file(dir.path / name));
        CHECK(verify(name).records == 2);
    }
    CHECK_FALSE(fs::exists(dir.path / "x.db"));
    fs::current_path(previous);
}
