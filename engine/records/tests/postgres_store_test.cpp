// The decision log's PostgreSQL backend. Which backend a location names, and what a message shows
// of a URL, are checked everywhere. The cases tagged [.postgres] need a server: they run when
// FRONTDOOR_TEST_POSTGRES_URL names a database (tests/contract/check_decision_log_postgres.py
// starts one and runs them), each in a schema of its own (PostgresSchema, test_records_fixture.hpp),
// dropped after; without the variable they are not discovered by ctest, and run by hand they say
// so and pass. What both backends do alike (tampering, layout, replay) is in the [records] cases,
// which run on each backend.
#include "test_records_fixture.hpp"

#include "engine/records/postgres_connection.hpp"
#include "engine/records/record_store.hpp"
#include "frontdoor/replay.hpp"

#include <cstdlib>
#include <thread>

using namespace records_test;
using frontdoor::DecisionLog;

namespace {

#define REQUIRE_SERVER(schema)                                                 \
    if ((schema).url.empty()) {                                                \
        WARN("FRONTDOOR_TEST_POSTGRES_URL is not set: no PostgreSQL to test"); \
        return;                                                                \
    }

}  // namespace

TEST_CASE("a postgresql:// or postgres:// URL names a PostgreSQL log; anything else is a file", "[records]") {
    using frontdoor::records::names_postgres_log;
    CHECK(names_postgres_log("postgresql://user@host/db"));
    CHECK(names_postgres_log("postgres:///db?host=/run/postgresql"));
    CHECK_FALSE(names_postgres_log("postgresql:db"));
    CHECK_FALSE(names_postgres_log("decisions.db"));
    CHECK_FALSE(names_postgres_log("./postgresql://x"));
}

TEST_CASE("a URL's password is never shown in a message", "[records]") {
    using frontdoor::records::postgres_location_for_messages;
    CHECK(postgres_location_for_messages("postgresql://ann:s3cret@db.example/log") ==
          "postgresql://ann:***@db.example/log");
    CHECK(postgres_location_for_messages("postgresql://ann@db/log?password=s3cret&sslmode=require") ==
          "postgresql://ann@db/log?password=***&sslmode=require");
    CHECK(postgres_location_for_messages("postgresql:///log?host=/tmp") == "postgresql:///log?host=/tmp");
    ScratchDir dir;
    // No server listens in an empty directory: the open fails at once, naming the URL without it.
    std::string url = "postgresql://ann:s3cret@/log?host=" + dir.path.string();
    CHECK_THROWS_WITH(DecisionLog::open(url, DecisionLog::Access::read),
                      Catch::StartsWith("cannot open the decision log postgresql://ann:***@/log?host=") &&
                          !Catch::Contains("s3cret"));
}

TEST_CASE("a PostgreSQL log holds the same records as a SQLite one, and verifies and replays", "[.postgres]") {
    PostgresSchema schema;
    REQUIRE_SERVER(schema);
    ScratchDir dir;
    auto contacts = scenario_contacts();
    std::size_t in_file = record(dir.file("log.db"), *sample_pack(), contacts);
    std::size_t in_server = record(schema.url, *sample_pack(), contacts);
    REQUIRE(in_server == in_file);
    auto file_log = DecisionLog::open(dir.file("log.db"), DecisionLog::Access::read);
    auto server_log = DecisionLog::open(schema.url, DecisionLog::Access::read);
    auto from_file = file_log->find({});
    auto from_server = server_log->find({});
    REQUIRE(from_server.size() == from_file.size());
    for (std::size_t i = 0; i < from_file.size(); ++i) {
        CHECK(from_server[i].id == from_file[i].id);
        CHECK(from_server[i].contact_id == from_file[i].contact_id);
        CHECK(from_server[i].input == from_file[i].input);
        CHECK(from_server[i].decision == from_file[i].decision);
        CHECK(from_server[i].pack_digest == from_file[i].pack_digest);
    }
    auto report = server_log->verify(from_server[5].hash);
    CHECK(report.ok());
    CHECK(report.records == static_cast<std::int64_t>(in_server));
    CHECK(report.packs == 1);
    CHECK(server_log->layout_problem().empty());
    frontdoor::RecordFilter by_contact;
    by_contact.contact_id = from_file[7].contact_id;
    CHECK(server_log->find(by_contact).size() == file_log->find(by_contact).size());
    auto replayed = frontdoor::replay_log(*server_log, {}, 2);
    CHECK(replayed.replayed == static_cast<std::int64_t>(in_server));
    CHECK(replayed.differences.empty());
}

TEST_CASE("writers on several connections append to one chain without forking it", "[.postgres]") {
    PostgresSchema schema;
    REQUIRE_SERVER(schema);
    auto contacts = scenario_contacts();
    std::vector<std::thread> writers;
    std::vector<std::size_t> recorded(4);
    for (std::size_t w = 0; w < recorded.size(); ++w)
        writers.emplace_back([&, w] {
            // Each has its own DecisionLog, so its own connection, as separate processes would.
            recorded[w] = record(schema.url, *sample_pack(), contacts, 8);
        });
    for (auto& writer : writers) writer.join();
    auto report = DecisionLog::open(schema.url, DecisionLog::Access::read)->verify();
    CHECK(report.ok());
    CHECK(report.records == static_cast<std::int64_t>(recorded[0] + recorded[1] + recorded[2] + recorded[3]));
}
