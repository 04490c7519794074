#pragma once
// The SQLite backend of a decision log: one file holding the records, the packs and their files.
// Creating a log and its schema are in create_sqlite_log.cpp, opening in open_sqlite_store.cpp,
// reading and writing in sqlite_store.cpp.
#include "engine/records/record_store.hpp"
#include "engine/records/sqlite_statement.hpp"
#include "engine/records/wal_checkpointer.hpp"

#include <sqlite3.h>

#include <memory>
#include <string>
#include <utility>

namespace frontdoor::records {

// Marks the file as a Frontdoor decision log ("FDLG") so that no other SQLite file is mistaken
// for one; user_version is the layout version.
constexpr int log_application_id = 0x46444C47;
constexpr int log_layout_version = 1;

// The schema a new log is made with (check_log_layout.cpp), and why the log open on `db` is not
// laid out exactly so: each table, column, index, trigger or view that is extra, missing or
// defined differently, in one sentence; "" when it is laid out as Frontdoor makes it.
const char* log_schema();
std::string log_layout_problem(sqlite3* db);

// The name to hand SQLite for the file at `path`: a relative path gets "./" in front, so that
// SQLite never takes it for a URI ("file:x.db") or a database in memory (":memory:"). Logs are
// plain files, named as any other file is.
inline std::string sqlite_file_name(const std::string& path) {
    return !path.empty() && path[0] == '/' ? path : "./" + path;
}

// A connection to the log at `path` (`flags` as sqlite3_open_v2's) that waits up to 10 s for
// another connection's lock instead of failing on it: every connection to a log is opened so,
// since even a PRAGMA may need to read the schema under a lock that another writer holds while it
// makes, closes or checkpoints the log. Throws "cannot open the decision log PATH[ for WHY]: ...".
sqlite3* open_log_connection(const std::string& path, int flags, const std::string& why = "");

// Makes a complete, empty log at `path` unless a file is already there. It is built under the
// temporary name "PATH.creating-PID-RANDOM" in the same directory and renamed into place, so that
// `path` never holds a half-made log; a process killed meanwhile leaves only that temporary.
void create_sqlite_log(const std::string& path);

// open_sqlite_store (record_store.hpp) with the thresholds of its checkpoints given (tests make
// them small).
std::unique_ptr<RecordStore> open_sqlite_store(const std::string& path, bool append,
                                               WalCheckpointer::Thresholds thresholds);

class SqliteStore : public RecordStore {
public:
    // Takes ownership of an open connection whose schema is in place.
    explicit SqliteStore(sqlite3* db);
    // Takes the checkpoints off this connection's commits onto `checkpointer`'s thread (a store
    // that appends has one, once its connection is in WAL mode; a reading one has none).
    void checkpoint_aside(std::unique_ptr<WalCheckpointer> checkpointer) {
        checkpointer_ = std::move(checkpointer);
        checkpointer_->watch(db_);
    }
    ~SqliteStore() override;
    const WalCheckpointer* checkpointer() const { return checkpointer_.get(); }
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    void append(const std::function<AppendBatch(const ChainHead&)>& build) override;
    void scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) override;
    std::vector<std::string> pack_digests() override;
    std::optional<StoredPack> pack(const std::string& digest) override;
    std::string layout_problem() override { return log_layout_problem(db_); }

private:
    struct AppendStatements;  // prepared at the first append and kept (sqlite_store.cpp)
    ChainHead read_head();
    std::int64_t schema_version();
    void insert(const AppendBatch& batch);
    sqlite3* db_;
    std::unique_ptr<Statement> cookie_;  // PRAGMA schema_version, kept once used
    std::unique_ptr<AppendStatements> statements_;
    // The schema cookie at which the layout was last found to be Frontdoor's; -1: not yet.
    std::int64_t layout_checked_at_ = -1;
    std::unique_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace frontdoor::records
