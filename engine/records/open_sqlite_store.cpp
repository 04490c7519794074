// Opening a SQLite decision log: appending creates a missing log whole (create_sqlite_log.cpp)
// and opens it with full sync; any file that is there must already be a Frontdoor decision log.
// Reading opens the file read-only, so an audit can never change a log.
#include "engine/records/sqlite_statement.hpp"
#include "engine/records/sqlite_store.hpp"

#include <filesystem>

namespace frontdoor::records {

namespace {

int pragma_integer(sqlite3* db, const char* sql) {
    Statement statement(db, sql);
    return statement.step() ? static_cast<int>(statement.integer(0)) : 0;
}

// A log is only ever made whole, with its marks, so a file without them is not one.
void check_marks(sqlite3* db, const std::string& path) {
    if (pragma_integer(db, "PRAGMA application_id") != log_application_id)
        throw std::runtime_error(path + " is not a Frontdoor decision log");
    if (pragma_integer(db, "PRAGMA user_version") != log_layout_version)
        throw std::runtime_error(path + " is a decision log of another layout version");
}

}  // namespace

sqlite3* open_log_connection(const std::string& path, int flags, const std::string& why) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_file_name(path).c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw std::runtime_error("cannot open the decision log " + path + (why.empty() ? "" : " " + why) + ": " +
                                 message);
    }
    sqlite3_busy_timeout(db, 10000);
    return db;
}

std::unique_ptr<RecordStore> open_sqlite_store(const std::string& path, bool append,
                                               WalCheckpointer::Thresholds thresholds) {
    std::error_code error;
    if (append) {
        create_sqlite_log(path);
    } else if (!std::filesystem::is_regular_file(path, error)) {
        throw std::runtime_error("no decision log at " + path);
    }
    int flags = (append ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_FULLMUTEX;
    sqlite3* db = open_log_connection(path, flags);
    auto store = std::make_unique<SqliteStore>(db);
    try {
        check_marks(db, path);
        // A log laid out otherwise is still opened for reading, so that verify can report it.
        if (append) {
            std::string problem = log_layout_problem(db);
            if (!problem.empty()) throw std::runtime_error("refusing to write to " + path + ": " + problem);
        }
        // Reading through a memory map saves copying every page out of the kernel on replay.
        sqlite_execute(db, "PRAGMA mmap_size = 1073741824");
        if (append) {
            // WAL (set when the log was made, checked here): readers (audits) never block the
            // recorder. FULL: a commit is on disk when it returns, which is what lets eval
            // acknowledge a decision after it.
            Statement wal(db, "PRAGMA journal_mode = WAL");
            if (!wal.step() || wal.bytes(0) != "wal")
                throw std::runtime_error("cannot switch the decision log " + path + " to WAL mode");
            sqlite_execute(db, "PRAGMA synchronous = FULL");
            store->checkpoint_aside(std::make_unique<WalCheckpointer>(path, thresholds));
        }
    } catch (const std::runtime_error& failure) {
        std::string message = failure.what();
        if (message.find("file is not a database") != std::string::npos)
            throw std::runtime_error(path + " is not a Frontdoor decision log");
        throw;
    }
    return store;
}

std::unique_ptr<RecordStore> open_sqlite_store(const std::string& path, bool append) {
    return open_sqlite_store(path, append, WalCheckpointer::Thresholds{});
}

}  // namespace frontdoor::records
