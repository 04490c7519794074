// A SQLite log's WAL is checkpointed on a thread of its own (wal_checkpointer.hpp): appending without
// a pause must keep the WAL within its limit, and every record must reach the database file intact.
// The thresholds are made small here so that a few megabytes of records cross them many times.
#include "test_records_fixture.hpp"

#include "engine/records/hash_record.hpp"
#include "engine/records/sqlite_store.hpp"

#include <algorithm>

using namespace records_test;
using frontdoor::records::AppendBatch;
using frontdoor::records::ChainHead;
using frontdoor::records::SqliteStore;
using frontdoor::records::WalCheckpointer;

namespace {

constexpr std::int64_t checkpoint_bytes = 64 << 10;
constexpr std::int64_t limit_bytes = 256 << 10;
constexpr int group = 10;
constexpr std::size_t decision_bytes = 6000;  // about an explained decision's size

// A group of chained records of the sample pack, each with a decision of decision_bytes.
AppendBatch group_after(const ChainHead& head) {
    AppendBatch batch;
    batch.packs.push_back({sample_pack()->digest(), &sample_pack()->files()});
    std::string previous = head.hash;
    for (int i = 1; i <= group; ++i) {
        frontdoor::Record record;
        record.id = head.id + i;
        record.contact_id = "C-" + std::to_string(record.id);
        record.input = R"({"contact_id":"C-)" + std::to_string(record.id) + R"("})";
        record.decision = std::string(decision_bytes, static_cast<char>('a' + record.id % 26));
        record.pack_digest = sample_pack()->digest();
        record.engine_version = "test";
        record.recorded_at = "2026-12-07T00:00:00.000Z";
        record.previous_hash = previous;
        record.hash = frontdoor::records::hash_record(record);
        previous = record.hash;
        batch.records.push_back(std::move(record));
    }
    return batch;
}

std::uintmax_t size_of(const std::string& path) {
    std::error_code missing;
    auto size = fs::file_size(path, missing);
    return missing ? 0 : size;
}

std::int64_t records_in(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* count = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM records", -1, &count, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(count) == SQLITE_ROW);
    std::int64_t records = sqlite3_column_int64(count, 0);
    sqlite3_finalize(count);
    sqlite3_close(db);
    return records;
}

}  // namespace

TEST_CASE("appending without a pause keeps the WAL within its limit", "[records][checkpoint]") {
    ScratchDir dir;
    std::string path = dir.file("log.db");
    constexpr int groups = 300;  // some 18 MB of records, 70 times the WAL's limit
    std::uintmax_t largest_wal = 0;
    std::int64_t checkpoints = 0;
    {
        auto store = frontdoor::records::open_sqlite_store(path, true, {checkpoint_bytes, limit_bytes});
        for (int i = 0; i < groups; ++i) {
            store->append(group_after);
            largest_wal = std::max(largest_wal, size_of(path + "-wal"));
        }
        const WalCheckpointer* checkpointer = dynamic_cast<SqliteStore&>(*store).checkpointer();
        REQUIRE(checkpointer != nullptr);
        checkpoints = checkpointer->checkpoints();
        CHECK(checkpointer->problem().empty());
        // Checkpoints reached the database file while the log was still open.
        CHECK(size_of(path) > std::uintmax_t{groups / 2} * group * decision_bytes);
    }
    INFO("largest WAL " << largest_wal << " bytes; " << checkpoints << " checkpoints");
    CHECK(checkpoints >= 10);
    // The limit, plus the commit that crossed it (a group and the pages it changed).
    CHECK(largest_wal <= std::uintmax_t{limit_bytes} + 256 * 1024);
    // Closing checkpoints the rest and removes the WAL; every record is there and the chain holds.
    CHECK_FALSE(fs::exists(path + "-wal"));
    CHECK(records_in(path) == groups * group);
    auto report = verify(path);
    INFO(report.problem);
    CHECK(report.ok());
    CHECK(report.records == groups * group);
}

TEST_CASE("a reader holding an old snapshot holds back the checkpoint, not the writer", "[records][checkpoint]") {
    ScratchDir dir;
    std::string path = dir.file("log.db");
    auto store = frontdoor::records::open_sqlite_store(path, true, {checkpoint_bytes, limit_bytes});
    store->append(group_after);
    // An audit's read transaction, left open while the writer goes on: the WAL cannot be started
    // again past what it reads, so it grows beyond the limit; appends still complete.
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM records;", nullptr, nullptr, nullptr) == SQLITE_OK);
    for (int i = 0; i < 60; ++i) store->append(group_after);
    CHECK(size_of(path + "-wal") > std::uintmax_t{limit_bytes});
    // Once the reader is done, the next checkpoints catch up and the WAL starts again.
    REQUIRE(sqlite3_exec(reader, "COMMIT;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(reader);
    for (int i = 0; i < 60; ++i) store->append(group_after);
    CHECK(records_in(path) == 121 * group);
    store.reset();
    CHECK(verify(path).ok());
}
