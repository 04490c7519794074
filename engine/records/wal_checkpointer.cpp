#include "engine/records/wal_checkpointer.hpp"

#include "engine/records/sqlite_statement.hpp"
#include "engine/records/sqlite_store.hpp"

#include <pthread.h>
#include <algorithm>
#include <stdexcept>
#include <utility>

namespace frontdoor::records {

namespace {

std::int64_t page_size(sqlite3* db) {
    Statement page_size(db, "PRAGMA page_size");
    return page_size.step() ? page_size.integer(0) : 4096;
}

int in_pages(std::int64_t bytes, std::int64_t page_size) {
    return static_cast<int>(std::max<std::int64_t>(1, bytes / page_size));
}

// The statement that keeps a WAL restarted after growing past `limit_pages` from staying that big.
std::string wal_size_limit(sqlite3* db, int limit_pages) {
    return "PRAGMA journal_size_limit = " + std::to_string(page_size(db) * limit_pages);
}

int on_commit(void* checkpointer, sqlite3*, const char*, int wal_pages) {
    static_cast<WalCheckpointer*>(checkpointer)->note_commit(wal_pages);
    return SQLITE_OK;
}

}  // namespace

WalCheckpointer::WalCheckpointer(const std::string& path, Thresholds thresholds) : path_(path) {
    // Its checkpoints are PASSIVE, which never wait; the busy wait is for its PRAGMAs, which read
    // the schema and so may meet a writer that is making or closing the log.
    db_ = open_log_connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, "for its checkpoints");
    try {
        // The database file is synced before the WAL may be started again, as with the writer's own.
        sqlite_execute(db_, "PRAGMA synchronous = FULL");
        // A WAL that grew past the limit while the writer never paused is cut back when it restarts.
        checkpoint_pages_ = in_pages(thresholds.checkpoint_bytes, page_size(db_));
        limit_pages_ = std::max(checkpoint_pages_, in_pages(thresholds.limit_bytes, page_size(db_)));
        sqlite_execute(db_, wal_size_limit(db_, limit_pages_).c_str());
    } catch (...) {
        sqlite3_close_v2(db_);
        throw;
    }
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "fd-checkpoint");
        run();
    });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    finished_.notify_all();
    thread_.join();
    sqlite3_close_v2(db_);
}

void WalCheckpointer::watch(sqlite3* writer) {
    sqlite_execute(writer, wal_size_limit(writer, limit_pages_).c_str());
    sqlite3_wal_hook(writer, on_commit, this);
}

void WalCheckpointer::unwatch(sqlite3* writer) { sqlite3_wal_autocheckpoint(writer, 1000); }

void WalCheckpointer::note_commit(int wal_pages) {
    if (wal_pages < checkpoint_pages_) return;
    {
        std::lock_guard lock(mutex_);
        waiting_pages_ = wal_pages;
        if (wal_pages >= limit_pages_) writer_waits_ = true;
    }
    wake_.notify_one();
}

void WalCheckpointer::wait_for_turn() {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [this] { return !writer_waits_ || stopping_; });
}

std::int64_t WalCheckpointer::checkpoints() const {
    std::lock_guard lock(mutex_);
    return checkpoints_;
}

std::string WalCheckpointer::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void WalCheckpointer::run() {
    for (;;) {
        int wal_pages = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || waiting_pages_ > 0; });
            if (stopping_) return;
            wal_pages = std::exchange(waiting_pages_, 0);
        }
        checkpoint(wal_pages);
    }
}

// Past the limit the writer is waiting (the hook is called once the commit's write lock is released),
// so this copies everything and the next append starts the WAL afresh.
void WalCheckpointer::checkpoint(int wal_pages) {
    int status = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    {
        std::lock_guard lock(mutex_);
        ++checkpoints_;
        if (wal_pages >= limit_pages_) writer_waits_ = false;
        // Busy: another checkpoint (another process's) was under way; the next commit asks again.
        if (status == SQLITE_OK || status == SQLITE_BUSY) {
            problem_.clear();
        } else {
            problem_ = std::string("checkpointing ") + path_ + ": " + sqlite3_errmsg(db_);
        }
    }
    finished_.notify_all();
}

}  // namespace frontdoor::records
