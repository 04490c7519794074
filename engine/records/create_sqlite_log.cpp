// Creating a SQLite decision log. The log is built whole under a temporary name beside it (owner
// only, schema committed, WAL mode set, closed and synced) and then renamed into place in one
// step that never replaces a file. A process killed at any instant therefore leaves at the log's
// path either nothing or a complete, empty log: never a half-made one that cannot be opened.
#include "engine/records/sqlite_statement.hpp"
#include "engine/records/sqlite_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace frontdoor::records {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what, const std::string& path) {
    throw std::runtime_error("cannot create the decision log " + path + ": " + what + ": " + std::strerror(errno));
}

// "LOG.creating-PID-RANDOM", in the log's own directory (a rename cannot cross file systems).
// Named after the log and the process, so that one left behind by a killed process is
// recognisable, and never the name of a log.
std::string temporary_name(const std::string& path) {
    std::random_device random;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
    return path + ".creating-" + std::to_string(::getpid()) + "-" + suffix;
}

// The file is made here first, 0600: SQLite would create it with the process's umask (usually
// world-readable), and a log of inputs holds personal data. Its -wal and -shm files inherit
// these permissions from it.
void create_owner_only(const std::string& path, const std::string& log) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail("cannot create " + path, log);
    ::close(fd);
}

void sync(const std::string& path, int flags, const std::string& log) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        int error = errno;
        if (fd >= 0) ::close(fd);
        errno = error;
        fail("cannot sync " + path, log);
    }
    ::close(fd);
}

// Schema, marks and WAL mode, committed; closing the only connection checkpoints the WAL into
// the file and deletes it, so the file alone is the whole log.
void write_empty_log(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_file_name(path).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error(message);
    }
    try {
        // A record is several kilobytes: 16 KiB pages keep most of one on one page, so a replay
        // reads fewer overflow pages. Only settable before the first table exists.
        sqlite_execute(db, "PRAGMA page_size = 16384");
        // A temporary that is not finished is never used, so building it needs no journal (and a
        // kill leaves no journal file behind). The log's own mode, WAL, is set last.
        sqlite_execute(db, "PRAGMA journal_mode = OFF");
        sqlite_execute(db, "PRAGMA synchronous = FULL");
        sqlite_execute(db, "BEGIN IMMEDIATE");
        sqlite_execute(db, log_schema());
        sqlite_execute(db, ("PRAGMA application_id = " + std::to_string(log_application_id)).c_str());
        sqlite_execute(db, ("PRAGMA user_version = " + std::to_string(log_layout_version)).c_str());
        sqlite_execute(db, "COMMIT");
        Statement wal(db, "PRAGMA journal_mode = WAL");
        if (!wal.step() || wal.bytes(0) != "wal") throw std::runtime_error("cannot switch it to WAL mode");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    if (sqlite3_close(db) != SQLITE_OK) throw std::runtime_error("cannot close it");
    std::error_code ignored;
    if (fs::exists(path + "-wal", ignored)) throw std::runtime_error("its WAL was not checkpointed on closing");
}

// Gives the temporary the log's name in one step unless a file has that name; false when one
// has. File systems without RENAME_NOREPLACE get a hard link and an unlink, which is as atomic
// for whoever opens the log.
bool rename_unless_exists(const std::string& temporary, const std::string& path) {
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) return true;
    if (errno == EEXIST) return false;
    if (errno != EINVAL && errno != ENOSYS) fail("cannot rename " + temporary, path);
    if (::link(temporary.c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) return false;
        fail("cannot link " + temporary, path);
    }
    ::unlink(temporary.c_str());
    return true;
}

void remove_temporary(const std::string& temporary) {
    for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((temporary + suffix).c_str());
}

}  // namespace

void create_sqlite_log(const std::string& path) {
    std::error_code error;
    if (fs::exists(fs::symlink_status(path, error))) return;
    std::string temporary = temporary_name(path);
    create_owner_only(temporary, path);
    try {
        write_empty_log(temporary);
        sync(temporary, O_RDONLY, path);
        // Another process may have made the log meanwhile: theirs is kept, ours dropped.
        if (!rename_unless_exists(temporary, path)) remove_temporary(temporary);
        std::string directory = fs::path(path).parent_path().string();
        sync(directory.empty() ? "." : directory, O_RDONLY | O_DIRECTORY, path);
    } catch (const std::runtime_error& failure) {
        remove_temporary(temporary);
        std::string message = failure.what();
        if (message.rfind("cannot create the decision log", 0) == 0) throw;
        throw std::runtime_error("cannot create the decision log " + path + ": " + message);
    }
}

}  // namespace frontdoor::records
