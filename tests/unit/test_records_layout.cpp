// A decision log trusts nothing it did not write: a trigger, view, index or changed column planted
// in the file with SQL is refused for writing, named, and reported by verify (issue #11 section 4).
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

}  // namespace

TEST_CASE("a log as Frontdoor makes it has no layout problem", "[records]") {
    ScratchDir dir;
    auto contacts = scenario_contacts();
    record(dir.file("log.db"), *sample_pack(), {contacts.begin(), contacts.begin() + 3});
    CHECK(append_refusal(dir.file("log.db")).empty());
    auto log = frontdoor::DecisionLog::open(dir.file("log.db"), frontdoor::DecisionLog::Access::read);
    CHECK(log->layout_problem().empty());
    CHECK(log->verify().ok());
}

TEST_CASE("a planted trigger, view, index or column is refused for writing and reported by verify", "[records]") {
    struct Planted {
        const char* sql;
        const char* named;
    };
    const Planted planted[] = {
        {"CREATE TRIGGER drop_new AFTER INSERT ON records BEGIN DELETE FROM records WHERE id = new.id; END",
         "a trigger 'drop_new' on 'records' that Frontdoor does not make"},
        {"CREATE VIEW everything AS SELECT * FROM records", "a view 'everything' that Frontdoor does not make"},
        {"CREATE INDEX records_by_hash ON records (hash)",
         "an index 'records_by_hash' on 'records' that Frontdoor does not make"},
        {"ALTER TABLE records ADD COLUMN note TEXT", "the table 'records' defined differently: it has a column 'note'"},
        {"DROP INDEX records_by_time", "no index 'records_by_time'"},
    };
    auto contacts = scenario_contacts();
    for (const Planted& change : planted) {
        ScratchDir dir;
        std::string log_path = dir.file("log.db");
        record(log_path, *sample_pack(), {contacts.begin(), contacts.begin() + 3});
        tamper(log_path, change.sql);
        INFO(change.sql);
        std::string refusal = append_refusal(log_path);
        CHECK(refusal.rfind(
                  "refusing to write to " + log_path + ": the log's layout is not the one Frontdoor makes: it has ",
                  0) == 0);
        CHECK(refusal.find(change.named) != std::string::npos);
        auto report = verify(log_path);
        CHECK_FALSE(report.ok());
        CHECK(report.first_broken == 0);
        CHECK(report.problem.find(change.named) != std::string::npos);
        CHECK(count_records(log_path) == 3);
    }
}

TEST_CASE("a trigger planted after the log was opened is caught before the append writes", "[records]") {
    ScratchDir dir;
    std::string log_path = dir.file("log.db");
    auto contacts = scenario_contacts();
    record(log_path, *sample_pack(), {contacts.begin(), contacts.begin() + 3});
    auto log = frontdoor::DecisionLog::open(log_path, frontdoor::DecisionLog::Access::append);
    tamper(log_path,
           "CREATE TRIGGER drop_new AFTER INSERT ON records BEGIN DELETE FROM records WHERE id = new.id; END");
    auto decided = sample_pack()->decide(contacts[3]);
    REQUIRE_FALSE(decided.refused);
    CHECK_THROWS_WITH(log->append(*sample_pack(), {{contacts[3], decided.json}}),
                      Catch::Contains("trigger 'drop_new'") && Catch::Contains("nothing was written to it"));
    CHECK(count_records(log_path) == 3);
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
