#include "shadow_record.hpp"

#include <spdlog/spdlog.h>

#include <utility>
#include <vector>

namespace frontdoor::http {

ShadowRecord::ShadowRecord(std::unique_ptr<DecisionRecorder> recorder) : recorder_(std::move(recorder)) {}

void ShadowRecord::record(std::shared_ptr<const Pack> candidate, std::string input, std::string decision) {
    std::vector<DecisionLog::Entry> entries;
    entries.push_back({std::move(input), std::move(decision)});
    auto done = [this](DecisionRecorder::Outcome outcome) {
        if (outcome.ok()) recorded_.fetch_add(outcome.ids.size());
        else fail(Failure::append, 1, outcome.error);
    };
    if (!recorder_->submit(std::move(candidate), std::move(entries), std::move(done)))
        fail(Failure::busy, 1, "its queue is full");
}

// The log's own message names the log and what went wrong with it, never a record's contents.
void ShadowRecord::fail(Failure kind, std::uint64_t decisions, const std::string& why) {
    failures_.fetch_add(decisions);
    {
        std::lock_guard lock(warned_mutex_);
        bool& warned = kind == Failure::busy ? warned_busy_ : warned_append_;
        if (std::exchange(warned, true)) return;
    }
    spdlog::warn("shadow record log: a differing decision was not recorded ({}); such failures are counted in "
                 "GET /v1/shadow (record_failures) and not logged again",
                 why);
}

}  // namespace frontdoor::http
