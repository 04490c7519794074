#pragma once
// Spreads work over threads in chunks, for replay, impact runs and batches (`eval --jsonl
// --threads`): the calling thread reads (a log or a file) and submits chunks; it and `threads - 1`
// workers decide them; results come back to the calling thread in submission order, so reports and
// answers do not depend on scheduling. The calling thread works too whenever the chunks in flight
// are at their limit instead of waiting: N threads on N cores, none of them idle while another
// reads, and none oversubscribed. With one thread the work is done inline, which is what a one-core
// benchmark measures. At most `2 * threads` chunks are submitted and not yet merged, so memory
// stays flat however long the input.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace frontdoor::records {

template <class Chunk, class Result>
class ChunkPipeline {
public:
    ChunkPipeline(unsigned threads, std::function<Result(Chunk&)> work, std::function<void(Result&&)> merge)
        : work_(std::move(work)), merge_(std::move(merge)), limit_(2 * std::max(threads, 1u)), inline_(threads <= 1) {
        for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this] { run_worker(); });
    }
    // On an exception in the reader, stop the workers before the chunks they use go away.
    ~ChunkPipeline() { stop(); }
    ChunkPipeline(const ChunkPipeline&) = delete;
    ChunkPipeline& operator=(const ChunkPipeline&) = delete;

    // Merges the results that are ready; while `2 * threads` chunks are in flight (waiting, being
    // worked on, or done but not yet merged in order), works on the oldest waiting one, or blocks
    // when none waits. Rethrows a chunk's exception: nothing after a failed chunk is merged.
    void submit(Chunk chunk) {
        if (inline_) {
            merge_(work_(chunk));
            return;
        }
        std::unique_lock<std::mutex> lock(mutex_);
        settle(lock, [&] { return submitted_ - merged_ < limit_; });
        queue_.emplace_back(submitted_++, std::move(chunk));
        work_waiting_.notify_one();
    }

    // Works or waits until every chunk submitted so far is merged, and rethrows a chunk's exception:
    // the calling thread may then do work of its own in its turn, between two chunks.
    void drain() {
        if (inline_) return;
        std::unique_lock<std::mutex> lock(mutex_);
        settle(lock, [&] { return merged_ == submitted_; });
    }

    // Works or waits for every chunk, merges the remaining results and rethrows a chunk's exception.
    void finish() {
        drain();
        stop();
    }

private:
    // Merges what is ready until `done` holds, working on waiting chunks meanwhile; blocks only when
    // every chunk in flight is with a worker.
    template <class Done>
    void settle(std::unique_lock<std::mutex>& lock, Done done) {
        for (;;) {
            merge_ready(lock);
            if (failure_) std::rethrow_exception(failure_);
            if (done()) return;
            if (!queue_.empty()) work_one(lock);
            else result_ready_.wait(lock);
        }
    }

    void run_worker() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            work_waiting_.wait(lock, [&] { return !queue_.empty() || closed_; });
            if (queue_.empty()) return;
            work_one(lock);
            result_ready_.notify_one();
        }
    }

    // Takes the oldest waiting chunk and works on it outside the lock; a failure is kept for the
    // calling thread, and the chunk has no result.
    void work_one(std::unique_lock<std::mutex>& lock) {
        auto [index, chunk] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        Result result{};
        bool worked = true;
        try {
            result = work_(chunk);
        } catch (...) {
            worked = false;
            std::lock_guard<std::mutex> failed(mutex_);
            if (!failure_) failure_ = std::current_exception();
        }
        lock.lock();
        if (worked) results_.emplace(index, std::move(result));
    }

    // Hands over, in order, the results that are ready; merges outside the lock. Stops at a
    // failure: a failed chunk has no result, and what follows it must not be merged past the gap.
    void merge_ready(std::unique_lock<std::mutex>& lock) {
        while (!failure_ && !results_.empty() && results_.begin()->first == merged_) {
            Result result = std::move(results_.begin()->second);
            results_.erase(results_.begin());
            ++merged_;
            lock.unlock();
            merge_(std::move(result));
            lock.lock();
        }
    }

    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
        }
        work_waiting_.notify_all();
        for (auto& worker : workers_)
            if (worker.joinable()) worker.join();
    }

    std::function<Result(Chunk&)> work_;
    std::function<void(Result&&)> merge_;
    std::size_t limit_;
    bool inline_;
    std::mutex mutex_;
    std::condition_variable work_waiting_;  // a worker waits for a chunk
    std::condition_variable result_ready_;  // the calling thread waits for a result
    std::deque<std::pair<std::size_t, Chunk>> queue_;
    std::map<std::size_t, Result> results_;
    std::size_t submitted_ = 0, merged_ = 0;
    bool closed_ = false;
    std::exception_ptr failure_;
    std::vector<std::thread> workers_;
};

}  // namespace frontdoor::records
