#pragma once
// `serve --shadow CAND --shadow-record LOG`: the decisions where the candidate pack differs from the
// active one, as the candidate would have made them, in a decision log of their own (the format of
// --record: frontdoor audit verify, audit show and replay read it unchanged). Shadow mode's worker
// hands each one over and goes on; a DecisionRecorder's writer thread appends whatever has queued
// up in one transaction (group commit). Nothing here is on the response path: when the log's queue
// is full or an append fails, the decisions are counted as record failures and logged at warn
// level once per kind of failure (never with a contact's contents), and shadow mode goes on counting.
#include "http/decisions/decision_recorder.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace frontdoor::http {

class ShadowRecord {
public:
    // Records through `recorder` (its own log, never the one --record writes).
    explicit ShadowRecord(std::unique_ptr<DecisionRecorder> recorder);
    // Queues one decision of `candidate`: `input` exactly as received, `decision` with its
    // explanation. Never blocks on the log. Thread-safe.
    void record(std::shared_ptr<const Pack> candidate, std::string input, std::string decision);
    // Decisions on disk, and decisions not recorded (queue full or append failed), since the start.
    std::uint64_t recorded() const { return recorded_.load(); }
    std::uint64_t failures() const { return failures_.load(); }

private:
    enum class Failure { busy, append };
    void fail(Failure kind, std::uint64_t decisions, const std::string& why);

    std::atomic<std::uint64_t> recorded_{0}, failures_{0};
    std::mutex warned_mutex_;
    bool warned_busy_ = false, warned_append_ = false;
    std::unique_ptr<DecisionRecorder> recorder_;  // last: stopped (completing its queue) first
};

}  // namespace frontdoor::http
