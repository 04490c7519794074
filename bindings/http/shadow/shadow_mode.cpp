#include "shadow_mode.hpp"

#include "frontdoor/decision_difference.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <pthread.h>
#include <stdexcept>

namespace frontdoor::http {

ShadowMode::ShadowMode(std::shared_ptr<const Pack> candidate, const std::string& output_file,
                       std::unique_ptr<ShadowRecord> record, ShadowLimits limits)
    : candidate_(std::move(candidate)), limits_(limits), record_(std::move(record)) {
    if (!output_file.empty()) {
        output_.open(output_file, std::ios::app);
        if (!output_) throw std::runtime_error("cannot open " + output_file + " to write the shadow's differences");
    }
    worker_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "fd-shadow");
        run();
    });
}

ShadowMode::~ShadowMode() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void ShadowMode::offer(std::string request_id, std::string body, Decided primary, std::string primary_digest,
                       DecideOptions options, std::size_t line) {
    Work work{std::move(request_id), std::move(body), std::move(primary_digest), std::move(primary), options, line};
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ || queue_.size() >= limits_.queue_items || queued_bytes_ + work.bytes() > limits_.queue_bytes) {
            ++dropped_;
            return;
        }
        queued_bytes_ += work.bytes();
        queue_.push_back(std::move(work));
    }
    wake_.notify_one();
}

ShadowCounts ShadowMode::counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    ShadowCounts counts{compared_, differing_, dropped_, 0, 0, {}};
    if (record_) {
        counts.recorded = record_->recorded();
        counts.record_failures = record_->failures();
    }
    for (const auto& [key, count] : transitions_) counts.transitions.push_back({key.first, key.second, count});
    return counts;
}

void ShadowMode::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        Work work = std::move(queue_.front());
        queue_.pop_front();
        queued_bytes_ -= work.bytes();
        lock.unlock();
        try {
            compare(work);
        } catch (const std::exception& error) {
            spdlog::error("shadow: request {}: {}", work.request_id, error.what());
        }
        lock.lock();
    }
}

void ShadowMode::compare(const Work& work) {
    auto candidate = candidate_.current();
    DecideOptions options = work.options;
    if (record_) options.explain = true;  // a recorded decision keeps its explanation, as eval --record's
    Decided shadow = candidate->pack->decide(work.body, options);
    DecisionDifference difference = compare_decided(work.primary, shadow);
    // The line is written before the counts move, so that a reader who sees a count sees its line.
    if (difference.differs && output_.is_open()) write_difference(work, difference, candidate->pack->digest());
    if (difference.differs && record_ && !shadow.refused)
        record_->record(candidate->pack, work.body, std::move(shadow.json));
    std::lock_guard<std::mutex> lock(mutex_);
    ++compared_;
    if (!difference.differs) return;
    ++differing_;
    ++transitions_[{difference.outcome_before, difference.outcome_after}];
}

void ShadowMode::write_difference(const Work& work, const DecisionDifference& difference,
                                  const std::string& candidate_digest) {
    nlohmann::json id = difference.contact_id ? nlohmann::json(*difference.contact_id) : nlohmann::json();
    nlohmann::json line = {{"request_id", work.request_id},
                           {"contact_id", std::move(id)},
                           {"outcome_before", difference.outcome_before},
                           {"outcome_after", difference.outcome_after},
                           {"fields", difference.fields},
                           {"pack_before", work.primary_digest},
                           {"pack_after", candidate_digest}};
    if (work.line > 0) line["line"] = work.line;
    output_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    output_.flush();
}

}  // namespace frontdoor::http
