#pragma once
// `serve --record LOG`: every decision the service answers 200 is in the decision log before its
// response is sent. Requests hand their decisions to one writer thread through a bounded queue; the
// writer takes whatever is waiting (many requests' worth) and appends it in one DecisionLog::append,
// one durable transaction (synchronous = FULL), then completes each request. So a commit's disk
// sync is shared by every request waiting on it (group commit).
//
// The queue is bounded in entries (decisions), counted from submission until their request has
// been completed, so memory is bounded too: a request that finds no room is refused at once (the
// caller answers 503 with Retry-After) and counted, never queued without bound and never answered
// without its record. When an append fails, none of its entries is on disk: each of its requests is
// completed with the error (answered 503, not as decided), and the recorder says it is not writable
// (/readyz answers 503) until an append succeeds again.
#include "frontdoor/records.hpp"
#include "http/monitoring/metrics.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace frontdoor::http {

// A batch's group could not be recorded: the queue stayed full (busy) or the append failed.
class RecordError : public std::runtime_error {
public:
    RecordError(bool busy, const std::string& message) : std::runtime_error(message), busy_(busy) {}
    bool busy() const { return busy_; }

private:
    bool busy_;
};

class DecisionRecorder {
public:
    // What became of a submission: the new records' ids, in order, or why nothing was recorded.
    struct Outcome {
        std::vector<std::int64_t> ids;
        std::string error;  // empty when every entry is on disk
        bool ok() const { return error.empty(); }
    };
    using Completion = std::function<void(Outcome)>;

    // Opens (creating when missing) the log at `location` for appending, and a second handle for
    // the audit routes' reads, and starts the writer thread. `queue_entries`: decisions waiting or
    // being committed at once; `group_entries`: most decisions in one append. Throws
    // std::runtime_error (DecisionLog::open's message) when the log cannot be opened.
    // `commit_seconds`, when given, gets the time of every append. `log_failures`: each failed
    // append is logged at error level, saying its requests were answered 503; false for a caller
    // that reports failures itself from its completions (shadow mode's log, shadow_record.hpp).
    DecisionRecorder(const std::string& location, std::size_t queue_entries, std::size_t group_entries,
                     Histogram* commit_seconds = nullptr, bool log_failures = true);
    // Commits what is queued, then ends the writer thread.
    ~DecisionRecorder();
    DecisionRecorder(const DecisionRecorder&) = delete;
    DecisionRecorder& operator=(const DecisionRecorder&) = delete;

    // Queues `entries`, decided by `pack`, and returns true; `done` is called later, on the writer
    // thread, once they are committed or have failed (post from it to your own executor). False,
    // with nothing queued and `done` never called, when the queue has no room or the recorder is
    // stopping. Thread-safe.
    bool submit(std::shared_ptr<const Pack> pack, std::vector<DecisionLog::Entry> entries, Completion done);

    // For a batch, one group at a time: waits (at most `wait_for_room`) for room in the queue, then
    // for the commit, and returns the ids. A group larger than the whole queue waits for the queue
    // to be empty. Throws RecordError (busy when no room came in time) when nothing was recorded.
    // Thread-safe; blocks the calling thread, so call it from a thread that may block.
    std::vector<std::int64_t> record_and_wait(std::shared_ptr<const Pack> pack, std::vector<DecisionLog::Entry> entries,
                                              std::chrono::milliseconds wait_for_room);

    // False from a failed append until the next one succeeds. Thread-safe.
    bool writable() const { return writable_.load(); }
    // Submissions refused because the queue was full; decisions waiting or being committed;
    // appends made (commits). Thread-safe.
    std::size_t refused() const { return refused_.load(); }
    std::size_t depth() const;
    std::size_t commits() const { return commits_.load(); }

    // Runs `read` with the log's reading handle, one caller at a time, and returns what it returns.
    template <typename Read>
    auto read(Read&& read) const {
        std::lock_guard lock(read_mutex_);
        return read(static_cast<const DecisionLog&>(*reader_));
    }

    // Commits everything queued, completes its requests and ends the writer thread; later
    // submissions are refused. Idempotent.
    void stop();

private:
    struct Submission {
        std::shared_ptr<const Pack> pack;
        std::vector<DecisionLog::Entry> entries;
        Completion done;
    };
    bool has_room(std::size_t entries) const;
    void write_loop();
    std::vector<Submission> take_group();
    void commit(std::vector<Submission>& group);
    void commit_run(Submission* first, Submission* last);
    // Gives back the queue's room for `entries` committed (or failed) decisions.
    void release(std::size_t entries);

    std::unique_ptr<DecisionLog> writer_;
    std::unique_ptr<DecisionLog> reader_;
    const std::size_t queue_entries_;
    const std::size_t group_entries_;
    Histogram* const commit_seconds_;
    const bool log_failures_;
    mutable std::mutex mutex_;
    std::condition_variable work_;
    std::condition_variable room_;
    std::deque<Submission> queue_;
    std::size_t held_entries_ = 0;  // queued or being committed
    bool stopping_ = false;
    std::atomic<bool> writable_{true};
    std::atomic<std::size_t> refused_{0};
    std::atomic<std::size_t> commits_{0};
    mutable std::mutex read_mutex_;
    std::thread thread_;
};

}  // namespace frontdoor::http
