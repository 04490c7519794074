// What a decision log holds and how it is opened: owner-only files, the input exactly as
// received, the contact id, the chain, and each pack stored once under its digest; on each backend
// (test_records_fixture.hpp) but for what is about SQLite's file.
#include "test_records_fixture.hpp"

#include <sys/stat.h>

#include <thread>

using namespace records_test;
using frontdoor::DecisionLog;

namespace {

unsigned permissions(const std::string& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777;
}

}  // namespace

TEST_CASE("a new log and its WAL are readable and writable by their owner only", "[records]") {
    ScratchDir dir;
    auto log = DecisionLog::open(dir.file("log.db"), DecisionLog::Access::append);
    auto contacts = scenario_contacts();
    log->append(*sample_pack(), {{contacts[0], sample_pack()->decide(contacts[0]).json}});
    CHECK(permissions(dir.file("log.db")) == 0600);
    REQUIRE(fs::exists(dir.file("log.db-wal")));
    CHECK(permissions(dir.file("log.db-wal")) == 0600);
    REQUIRE(fs::exists(dir.file("log.db-shm")));
    CHECK(permissions(dir.file("log.db-shm")) == 0600);
}

TEST_CASE("a new log is made whole under a temporary name, and two writers making it at once share one", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::vector<std::thread> writers;
    std::vector<std::size_t> recorded(4);
    auto contacts = scenario_contacts();
    for (std::size_t i = 0; i < recorded.size(); ++i)
        writers.emplace_back([&, i] { recorded[i] = record(scratch.location, *sample_pack(), {contacts[i]}); });
    for (auto& writer : writers) writer.join();
    CHECK(verify(scratch.location).records == 4);
    if (scratch.on_postgres()) return;  // the rest is about the file
    // Nothing is left beside the log and its WAL files once it is made: no temporary, no journal.
    for (const auto& entry : fs::directory_iterator(scratch.dir.path)) {
        std::string name = entry.path().filename().string();
        CHECK((name == "log.db" || name == "log.db-wal" || name == "log.db-shm"));
    }
    CHECK(permissions(scratch.location) == 0600);
}

TEST_CASE("a record holds the input as received, the decision, its contact and pack, and its link", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    // Laid out by the sender, with line breaks: the record keeps these bytes, not a re-encoding.
    auto contact = nlohmann::json::parse(scenario_contacts()[2]);
    contact["contact_id"] = "C-77";
    std::string input = contact.dump(2) + "\n";
    auto decided = sample_pack()->decide(input);
    REQUIRE_FALSE(decided.refused);
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::append);
    auto ids = log->append(*sample_pack(), {{input, decided.json}, {input, decided.json}});
    REQUIRE(ids == std::vector<std::int64_t>{1, 2});
    auto records = log->find({});
    REQUIRE(records.size() == 2);
    const frontdoor::Record& first = records[0];
    CHECK(first.input == input);
    CHECK(first.decision == decided.json);
    CHECK(first.contact_id == std::optional<std::string>("C-77"));
    CHECK(first.pack_digest == sample_pack()->digest());
    CHECK(first.engine_version == frontdoor::engine_version());
    CHECK(first.previous_hash == "sha256:" + std::string(64, '0'));
    CHECK(records[1].previous_hash == first.hash);
    CHECK(first.hash != records[1].hash);
    CHECK(first.recorded_at.size() == 24);
    CHECK(first.recorded_at.back() == 'Z');
}

TEST_CASE("appending after the log was closed continues the chain", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    auto contacts = scenario_contacts();
    std::size_t first = record(scratch.location, *sample_pack(), {contacts.begin(), contacts.begin() + 10});
    std::size_t second =
        record(scratch.location, *sample_pack_lowered_threshold(), {contacts.begin() + 10, contacts.end()});
    auto report = verify(scratch.location);
    CHECK(report.ok());
    CHECK(report.records == static_cast<std::int64_t>(first + second));
    CHECK(report.packs == 2);
}

TEST_CASE("a pack is stored once, under its digest, with all its files", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    record(scratch.location, *sample_pack(), scenario_contacts(), 8);
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    auto stored = log->pack(sample_pack()->digest());
    REQUIRE(stored);
    CHECK(stored->files() == sample_pack()->files());
    CHECK(stored->digest() == sample_pack()->digest());
    std::string error;
    CHECK_FALSE(log->pack("sha256:" + std::string(64, 'f'), &error));
    CHECK(error == "the log does not hold the pack sha256:" + std::string(64, 'f'));
}

TEST_CASE("a decision without a contact_id field is recorded without one", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    std::string rules = "pack tiny version \"1\" [source \"test\"]\n"
                        "calendar office\n  timezone \"UTC\" rules \"UTC0\"\n  open monday to friday 09:00 to 17:00\n"
                        "record item\n  count: integer\ninput x: item\n"
                        "let doubled: integer = x.count + x.count [source \"s\"]\n"
                        "output times in office\n  doubled = doubled\n";
    auto pack = frontdoor::Pack::load_files("tiny", {{"pack.rules", rules}}).pack;
    REQUIRE(pack);
    record(scratch.location, *pack, {"{\"count\": 4}"});
    auto records = DecisionLog::open(scratch.location, DecisionLog::Access::read)->find({});
    REQUIRE(records.size() == 1);
    CHECK_FALSE(records[0].contact_id.has_value());
    CHECK(verify(scratch.location).ok());
}

TEST_CASE("only decision logs open, and reading never creates one", "[records]") {
    ScratchDir dir;
    CHECK_THROWS_WITH(DecisionLog::open(dir.file("missing.db"), DecisionLog::Access::read),
                      "no decision log at " + dir.file("missing.db"));
    CHECK_FALSE(fs::exists(dir.file("missing.db")));
    tamper(dir.file("other.db"), "CREATE TABLE t (x)");
    CHECK_THROWS_WITH(DecisionLog::open(dir.file("other.db"), DecisionLog::Access::append),
                      dir.file("other.db") + " is not a Frontdoor decision log");
    std::ofstream(dir.file("empty.db"));
    CHECK_THROWS_WITH(DecisionLog::open(dir.file("empty.db"), DecisionLog::Access::append),
                      dir.file("empty.db") + " is not a Frontdoor decision log");
    CHECK(fs::file_size(dir.file("empty.db")) == 0);
    std::ofstream(dir.file("text.db"))
        << "not a database at all, just some text that is long enough to look like one\n";
    CHECK_THROWS_WITH(DecisionLog::open(dir.file("text.db"), DecisionLog::Access::read),
                      dir.file("text.db") + " is not a Frontdoor decision log");
}

// The PostgreSQL side of the case above; like the store's own cases (postgres_store_test.cpp) it runs
// only when asked for by its tag, which check_decision_log_postgres.py does with a server.
TEST_CASE("only decision logs open on PostgreSQL, and reading never creates one", "[.postgres]") {
    PostgresSchema schema;
    if (schema.url.empty()) {
        WARN("FRONTDOOR_TEST_POSTGRES_URL is not set: no PostgreSQL to test");
        return;
    }
    CHECK_THROWS_WITH(DecisionLog::open(schema.url, DecisionLog::Access::read), "no decision log at " + schema.url);
    // The first read made nothing: a second finds no log either.
    CHECK_THROWS_WITH(DecisionLog::open(schema.url, DecisionLog::Access::read), "no decision log at " + schema.url);
    schema.run("CREATE TABLE records (x integer)");
    CHECK_THROWS_WITH(DecisionLog::open(schema.url, DecisionLog::Access::append),
                      schema.url + " is not a Frontdoor decision log (its 'records' table is not one)");
    CHECK_THROWS_WITH(DecisionLog::open(schema.url, DecisionLog::Access::read),
                      schema.url + " is not a Frontdoor decision log (its 'records' table is not one)");
}
