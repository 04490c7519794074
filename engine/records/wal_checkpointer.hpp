#pragma once
// Checkpoints a SQLite decision log's write-ahead log on a thread of its own, so that no commit
// waits for a checkpoint.
//
// SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past 1,000 pages: that
// commit copies the WAL's pages into the database file and syncs it before it returns. A service
// recording 10,000 explained decisions a second writes about 180 MB of WAL a second, so one commit
// in every few dozen paid for a checkpoint, and every request waiting on that commit with it (p99
// 14 ms against 1.5 ms at the median; docs/performance.md).
//
// Instead, the writer's connection reports the WAL's size after each commit (note_commit, from
// SQLite's WAL hook); past `pages` this thread runs a PASSIVE checkpoint on a connection of its own,
// which copies what it can without blocking the writer. SQLite starts the WAL again from its
// beginning only when a writer finds everything in it copied, which a writer that never pauses
// prevents; so once the WAL holds `limit_bytes` or more, the next append waits (wait_for_turn())
// while a checkpoint copies the little that the earlier ones left, and then starts the WAL afresh.
// The wait is on a condition variable, not SQLite's busy handler, whose sleeps (up to 100 ms each)
// would be the writer's latency. The WAL
// stays bounded, and a checkpoint is as crash-safe as SQLite's own: a record is durable once its
// commit has returned, whether in the WAL or in the database file.
//
// A failed checkpoint loses nothing either: the records stay in the WAL, which grows until a
// checkpoint succeeds (problem() says why the last one failed).
#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace frontdoor::records {

class WalCheckpointer {
public:
    // In bytes of WAL. SQLite's own threshold is 1,000 pages, 16 MiB with a log's 16 KiB pages;
    // checkpoints of a quarter of that, with the writer made to wait at 16 MiB, gave the lowest
    // tail latency of those tried (docs/performance.md).
    struct Thresholds {
        std::int64_t checkpoint_bytes = 4 << 20;
        std::int64_t limit_bytes = 16 << 20;
    };

    // Opens a second connection to the log at `path` (already in WAL mode) and starts the thread;
    // throws std::runtime_error naming the log when the connection cannot be opened.
    WalCheckpointer(const std::string& path, Thresholds thresholds);
    ~WalCheckpointer();  // stops the thread after the checkpoint under way, closes its connection
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Called on the writer's thread after each commit with the pages now in the WAL.
    void note_commit(int wal_pages);
    // Called by the writer before each append: returns at once unless the WAL has reached its limit,
    // and then once the checkpoint that finishes it is done.
    void wait_for_turn();
    // Registers note_commit as `writer`'s WAL hook, which also turns its automatic checkpoint off,
    // and gives it the same limit on the WAL's size when it starts the WAL again.
    void watch(sqlite3* writer);
    // Undoes watch(): `writer` checkpoints by itself again.
    static void unwatch(sqlite3* writer);

    // Checkpoints run so far, and why the last one failed ("" when it did not); a failed one is tried
    // again after the next commit.
    std::int64_t checkpoints() const;
    std::string problem() const;

private:
    void run();
    void checkpoint(int wal_pages);

    sqlite3* db_ = nullptr;
    std::string path_;
    int checkpoint_pages_ = 0;
    int limit_pages_ = 0;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable finished_;
    bool writer_waits_ = false;  // the WAL reached its limit: no append until it is checkpointed
    int waiting_pages_ = 0;      // the WAL's size at the last commit that asked for a checkpoint
    bool stopping_ = false;
    std::int64_t checkpoints_ = 0;
    std::string problem_;
    std::thread thread_;
};

}  // namespace frontdoor::records
