#pragma once
// Spreads work over threads in chunks, for replay, impact runs and batches (`eval --jsonl
// --threads`): the calling thread reads (a log or a file) and submits chunks; workers decide them;
// results come back to the calling thread in submission order, so reports and answers do not depend
// on scheduling. With one thread the work is done inline, which is what a one-core benchmark
// measures. At most `2 * threads` chunks are submitted and not yet merged, so memory stays flat
// however long the input.
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
        : work_(std::move(work)), merge_(std::move(merge)), limit_(2 * std::max(threads, 1u)) {
        for (unsigned i = 0; threads > 1 && i < threads; ++i) workers_.emplace_back([this] { run_worker(); });
    }
    // On an exception in the reader, stop the workers before the chunks they use go away.
    ~ChunkPipeline() { stop(); }
    ChunkPipeline(const ChunkPipeline&) = delete;
    ChunkPipeline& operator=(const ChunkPipeline&) = delete;

    // Merges the results that are ready, then blocks while `2 * threads` chunks are in flight
    // (waiting, being worked on, or done but not yet merged in order). Rethrows a worker's exception:
    // nothing after a failed chunk is merged.
    void submit(Chunk chunk) {
        if (workers_.empty()) {
            merge_(work_(chunk));
            return;
        }
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            merge_ready(lock);
            if (failure_) std::rethrow_exception(failure_);
            if (submitted_ - merged_ < limit_) break;
            changed_.wait(lock);
        }
        queue_.emplace_back(submitted_++, std::move(chunk));
        changed_.notify_all();
    }

    // Waits until every chunk submitted so far is merged, and rethrows a worker's exception: the
    // calling thread may then do work of its own in its turn, between two chunks.
    void drain() {
        if (workers_.empty()) return;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            merge_ready(lock);
            if (failure_) std::rethrow_exception(failure_);
            if (merged_ == submitted_) return;
            changed_.wait(lock);
        }
    }

    // Waits for every chunk, merges the remaining results and rethrows a worker's exception.
    void finish() {
        stop();
        std::unique_lock<std::mutex> lock(mutex_);
        if (failure_) std::rethrow_exception(failure_);
        merge_ready(lock);
    }

private:
    void run_worker() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
            if (queue_.empty()) return;
            auto [index, chunk] = std::move(queue_.front());
            queue_.pop_front();
            changed_.notify_all();
            lock.unlock();
            Result result{};
            try {
                result = work_(chunk);
            } catch (...) {
                std::lock_guard<std::mutex> failed(mutex_);
                if (!failure_) failure_ = std::current_exception();
            }
            lock.lock();
            results_.emplace(index, std::move(result));
            changed_.notify_all();
        }
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
        changed_.notify_all();
        for (auto& worker : workers_)
            if (worker.joinable()) worker.join();
    }

    std::function<Result(Chunk&)> work_;
    std::function<void(Result&&)> merge_;
    std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::pair<std::size_t, Chunk>> queue_;
    std::map<std::size_t, Result> results_;
    std::size_t submitted_ = 0, merged_ = 0;
    bool closed_ = false;
    std::exception_ptr failure_;
    std::vector<std::thread> workers_;
};

}  // namespace frontdoor::records
