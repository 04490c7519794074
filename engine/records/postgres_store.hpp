#pragma once
// The PostgreSQL backend of a decision log: three tables in one schema of one database, named by a
// libpq URL (postgresql://...). Creating and checking the layout are in check_postgres_layout.cpp,
// opening in open_postgres_store.cpp, reading and writing in postgres_store.cpp. docs/postgresql.md
// describes it for its users.
#include "engine/records/postgres_connection.hpp"
#include "engine/records/record_store.hpp"

#include <mutex>
#include <set>
#include <string>

namespace frontdoor::records {

// The comment on the records table that marks a schema as holding a Frontdoor decision log, and
// its layout version (the SQLite log's application_id and user_version).
constexpr const char* postgres_log_mark = "Frontdoor decision log, layout 1";

// Sets what a session of the log relies on (durable commits, lock timeout, encoding), whatever the
// server's or the role's defaults; on every new connection, and again after a reconnect.
void set_postgres_session(PgConnection& connection);
// Makes the log's tables in the connection's current schema unless they are there, under a
// transaction-scoped advisory lock so that writers starting together make them once.
void create_postgres_log(PgConnection& connection);
// True when the current schema has a table named records (a log, or something else by that name).
bool postgres_log_exists(PgConnection& connection);
// The layout create_postgres_log makes, one line per table, column, index, comment (and trigger,
// rule, policy or inheriting table: none), as the server words it: read back from the schema made
// in the session's temporary schema and rolled back (inside the caller's transaction, if any, by a
// savepoint). Needs the TEMPORARY privilege on the database, which every role has by default.
std::set<std::string> expected_postgres_layout(PgConnection& connection);
// Why the log's tables are not laid out exactly as `expected` (an extra trigger, rule, policy,
// index, inheriting table or column, or a missing or changed one), naming each; or "".
std::string postgres_layout_problem(PgConnection& connection, const std::set<std::string>& expected);

class PostgresStore : public RecordStore {
public:
    // Takes a connection to a schema that holds a log; `expected` is its expected_postgres_layout.
    PostgresStore(std::unique_ptr<PgConnection> connection, std::set<std::string> expected)
        : connection_(std::move(connection)), expected_(std::move(expected)) {}

    void append(const std::function<AppendBatch(const ChainHead&)>& build) override;
    void scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) override;
    std::vector<std::string> pack_digests() override;
    std::optional<StoredPack> pack(const std::string& digest) override;
    std::string layout_problem() override;

private:
    // Connects again when the connection was lost (the server stopped or restarted since the last
    // call), so that a failed call leaves the store usable once the server is back; throws while it
    // cannot be reached. Called first, under the mutex, by every public call.
    void reconnect_if_lost();
    ChainHead read_head();
    void insert(const AppendBatch& batch);
    // One connection serves every call; a scan fetches through a cursor in chunks and lets go of
    // the connection between them, so that `visit` may read packs (replay does) from any thread.
    std::mutex mutex_;
    std::unique_ptr<PgConnection> connection_;
    std::set<std::string> expected_;
    int cursors_ = 0;
};

}  // namespace frontdoor::records
