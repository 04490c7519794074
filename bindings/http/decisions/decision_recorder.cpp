#include "decision_recorder.hpp"

#include <spdlog/spdlog.h>

#include <pthread.h>
#include <exception>
#include <future>
#include <iterator>

namespace frontdoor::http {

DecisionRecorder::DecisionRecorder(const std::string& location, std::size_t queue_entries, std::size_t group_entries,
                                   Histogram* commit_seconds, bool log_failures)
    : writer_(DecisionLog::open(location, DecisionLog::Access::append)),
      reader_(DecisionLog::open(location, DecisionLog::Access::read)),
      queue_entries_(queue_entries),
      group_entries_(group_entries),
      commit_seconds_(commit_seconds),
      log_failures_(log_failures) {
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "fd-log-writer");
        write_loop();
    });
}

DecisionRecorder::~DecisionRecorder() { stop(); }

void DecisionRecorder::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_.notify_all();
    room_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::size_t DecisionRecorder::depth() const {
    std::lock_guard lock(mutex_);
    return held_entries_;
}

// A group larger than the whole queue is let in when the queue is empty, so that it cannot wait forever.
bool DecisionRecorder::has_room(std::size_t entries) const {
    return held_entries_ == 0 || held_entries_ + entries <= queue_entries_;
}

bool DecisionRecorder::submit(std::shared_ptr<const Pack> pack, std::vector<DecisionLog::Entry> entries,
                              Completion done) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || !has_room(entries.size())) {
            refused_.fetch_add(1);
            return false;
        }
        held_entries_ += entries.size();
        queue_.push_back({std::move(pack), std::move(entries), std::move(done)});
    }
    work_.notify_one();
    return true;
}

std::vector<std::int64_t> DecisionRecorder::record_and_wait(std::shared_ptr<const Pack> pack,
                                                            std::vector<DecisionLog::Entry> entries,
                                                            std::chrono::milliseconds wait_for_room) {
    std::promise<Outcome> committed;
    auto outcome = committed.get_future();
    {
        std::unique_lock lock(mutex_);
        std::size_t size = entries.size();
        if (!room_.wait_for(lock, wait_for_room, [&] { return stopping_ || has_room(size); }) || stopping_) {
            refused_.fetch_add(1);
            throw RecordError(true, "the decision log is busy; nothing of this group was recorded");
        }
        held_entries_ += size;
        queue_.push_back({std::move(pack), std::move(entries),
                          [&committed](Outcome result) { committed.set_value(std::move(result)); }});
    }
    work_.notify_one();
    Outcome result = outcome.get();
    if (!result.ok()) throw RecordError(false, result.error);
    return std::move(result.ids);
}

// Everything waiting, up to group_entries decisions (at least one submission, however large).
std::vector<DecisionRecorder::Submission> DecisionRecorder::take_group() {
    std::unique_lock lock(mutex_);
    work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    std::vector<Submission> group;
    std::size_t entries = 0;
    while (!queue_.empty() && (group.empty() || entries + queue_.front().entries.size() <= group_entries_)) {
        entries += queue_.front().entries.size();
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
    }
    return group;
}

void DecisionRecorder::write_loop() {
    for (;;) {
        std::vector<Submission> group = take_group();
        if (group.empty()) return;  // stopping, and nothing is left to commit
        commit(group);
    }
}

void DecisionRecorder::release(std::size_t entries) {
    {
        std::lock_guard lock(mutex_);
        held_entries_ -= entries;
    }
    room_.notify_all();
}

// One append per run of submissions decided by the same pack (a reload may put two packs in a group).
void DecisionRecorder::commit(std::vector<Submission>& group) {
    auto first = group.begin();
    while (first != group.end()) {
        auto last = first + 1;
        while (last != group.end() && (last->pack == first->pack || last->pack->digest() == first->pack->digest()))
            ++last;
        commit_run(&*first, &*first + (last - first));
        first = last;
    }
}

void DecisionRecorder::commit_run(Submission* first, Submission* last) {
    std::vector<DecisionLog::Entry> entries;
    for (Submission* s = first; s != last; ++s)
        entries.insert(entries.end(), std::make_move_iterator(s->entries.begin()),
                       std::make_move_iterator(s->entries.end()));
    std::vector<std::int64_t> ids;
    std::string error;
    try {
        auto start = std::chrono::steady_clock::now();
        ids = writer_->append(*first->pack, entries);
        if (commit_seconds_) commit_seconds_->observe(std::chrono::steady_clock::now() - start);
        commits_.fetch_add(1);
        writable_.store(true);
    } catch (const std::exception& failure) {
        error = failure.what();
        writable_.store(false);
        if (log_failures_)
            spdlog::error("decision log: {} decisions not recorded, their requests answered 503: {}", entries.size(),
                          error);
    }
    // Room is made before any answer goes: a client that sends its next request as soon as it has
    // this one's answer must not find the queue still full of what was just committed.
    release(entries.size());
    std::size_t next = 0;
    for (Submission* s = first; s != last; ++s) {
        Outcome outcome;
        outcome.error = error;
        if (error.empty()) {
            outcome.ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(next),
                               ids.begin() + static_cast<std::ptrdiff_t>(next + s->entries.size()));
        }
        next += s->entries.size();
        s->done(std::move(outcome));
    }
}

}  // namespace frontdoor::http
