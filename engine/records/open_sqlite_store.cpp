// Opening a SQLite decision log: create the file owner-only, switch to WAL with full sync, make
// or check the schema. Reading opens the file read-only, so an audit can never change a log.
#include "engine/records/sqlite_statement.hpp"
#include "engine/records/sqlite_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace frontdoor::records {

namespace {

const char* const schema = R"(
CREATE TABLE IF NOT EXISTS packs (digest TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pack_files (
  digest TEXT NOT NULL, path TEXT NOT NULL, content BLOB NOT NULL,
  PRIMARY KEY (digest, path)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY, contact_id TEXT, input BLOB NOT NULL, decision TEXT NOT NULL,
  pack_digest TEXT NOT NULL, engine_version TEXT NOT NULL, recorded_at TEXT NOT NULL,
  previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_by_contact ON records (contact_id);
CREATE INDEX IF NOT EXISTS records_by_time ON records (recorded_at);
)";

// SQLite would create the file with the process's umask (usually world-readable); a log of inputs
// holds personal data and must not be, so the file is made here first, 0600, and SQLite opens it.
// Its -wal and -shm files inherit these permissions from it.
void create_owner_only(const std::string& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) return;
    if (fd < 0) throw std::runtime_error("cannot create the decision log " + path + ": " + std::strerror(errno));
    ::close(fd);
}

int pragma_integer(sqlite3* db, const char* sql) {
    Statement statement(db, sql);
    return statement.step() ? static_cast<int>(statement.integer(0)) : 0;
}

// A fresh file gets the schema and our marks; any other file must already carry them.
void prepare_schema(sqlite3* db, const std::string& path, bool append) {
    int application = pragma_integer(db, "PRAGMA application_id");
    bool fresh = application == 0 && pragma_integer(db, "SELECT count(*) FROM sqlite_master") == 0;
    if (fresh && append) {
        // A record is several kilobytes: 16 KiB pages keep most of one on one page, so a replay
        // reads fewer overflow pages. Only settable before the first table exists.
        sqlite_execute(db, "PRAGMA page_size = 16384");
        sqlite_execute(db, "BEGIN IMMEDIATE");
        sqlite_execute(db, schema);
        sqlite_execute(db, ("PRAGMA application_id = " + std::to_string(log_application_id)).c_str());
        sqlite_execute(db, ("PRAGMA user_version = " + std::to_string(log_layout_version)).c_str());
        sqlite_execute(db, "COMMIT");
        return;
    }
    if (application != log_application_id)
        throw std::runtime_error(path + " is not a Frontdoor decision log");
    if (pragma_integer(db, "PRAGMA user_version") != log_layout_version)
        throw std::runtime_error(path + " is a decision log of another layout version");
}

}  // namespace

std::unique_ptr<RecordStore> open_sqlite_store(const std::string& path, bool append) {
    std::error_code error;
    if (append) {
        create_owner_only(path);
    } else if (!std::filesystem::is_regular_file(path, error)) {
        throw std::runtime_error("no decision log at " + path);
    }
    sqlite3* db = nullptr;
    int flags = (append ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw std::runtime_error("cannot open the decision log " + path + ": " + message);
    }
    auto store = std::make_unique<SqliteStore>(db);
    try {
        // Another writer holding the lock is waited for, not failed on.
        sqlite3_busy_timeout(db, 10000);
        prepare_schema(db, path, append);
        // Reading through a memory map saves copying every page out of the kernel on replay.
        sqlite_execute(db, "PRAGMA mmap_size = 1073741824");
        if (append) {
            // WAL: readers (audits) never block the recorder. FULL: a commit is on disk when it
            // returns, which is what lets eval acknowledge a decision after it.
            Statement wal(db, "PRAGMA journal_mode = WAL");
            if (!wal.step() || wal.bytes(0) != "wal")
                throw std::runtime_error("cannot switch the decision log " + path + " to WAL mode");
            sqlite_execute(db, "PRAGMA synchronous = FULL");
        }
    } catch (const std::runtime_error& failure) {
        std::string message = failure.what();
        if (message.find("file is not a database") != std::string::npos)
            throw std::runtime_error(path + " is not a Frontdoor decision log");
        throw;
    }
    return store;
}

}  // namespace frontdoor::records
