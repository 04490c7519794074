#pragma once
// Shadow mode (--shadow DIR): a candidate pack decides every decision request (and every line of a
// batch) as well, on a worker thread of its own, off the response path, so that a policy lead sees what a change would
// do to live traffic before publishing it. The request's handler only offers the work: when the queue is full (by count
// or by bytes held) the work is dropped and counted, and the response is never delayed or failed by the shadow. The
// worker compares the two answers as an impact report does (frontdoor/decision_difference.hpp) and counts, for the
// decisions that differ, each outcome transition old -> new; with an output file it writes one JSON line per differing
// decision:
//
//   {"request_id":"...","contact_id":"C-1","outcome_before":"a","outcome_after":"b",
//    "fields":["level_of_need","outcome"],"pack_before":"sha256:...","pack_after":"sha256:..."}
//
// ids, outcomes and field names only: never a value from the contact (a batch line's also has
// "line":N). With a shadow record log (shadow_record.hpp), each differing decision the candidate
// made (not a candidate's refusal: a log holds decisions) is recorded there, with its explanation.
#include "http/reload/active_pack.hpp"
#include "shadow_record.hpp"

#include "frontdoor/decision_difference.hpp"
#include "frontdoor/frontdoor.hpp"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace frontdoor::http {

struct ShadowLimits {
    std::size_t queue_items = 4096;              // requests waiting for the shadow at most
    std::size_t queue_bytes = 16 * 1024 * 1024;  // bytes of their bodies and answers at most
};

struct ShadowTransition {
    std::string before, after;  // outcomes as in DecisionDifference ("refused" for a refusal)
    std::uint64_t count = 0;
};

// Counts since the start, for /metrics (the metrics part renders them).
struct ShadowCounts {
    std::uint64_t compared = 0;                 // requests decided by both packs
    std::uint64_t differing = 0;                // of those, the ones whose decisions differ
    std::uint64_t dropped = 0;                  // requests not shadowed because the queue was full
    std::uint64_t recorded = 0;                 // differing decisions in the shadow record log
    std::uint64_t record_failures = 0;          // differing decisions it could not take
    std::vector<ShadowTransition> transitions;  // differing decisions by outcome old -> new, sorted
};

class ShadowMode {
public:
    // `candidate` decides alongside; `output_file`, when not empty, receives the differing
    // decisions (appended); `record`, when given, records them. Throws std::runtime_error when the
    // file cannot be opened.
    ShadowMode(std::shared_ptr<const Pack> candidate, const std::string& output_file,
               std::unique_ptr<ShadowRecord> record = nullptr, ShadowLimits limits = {});
    // Finishes the work already queued, then stops the worker.
    ~ShadowMode();
    ShadowMode(const ShadowMode&) = delete;
    ShadowMode& operator=(const ShadowMode&) = delete;

    // Queues `body`, answered `primary` by the active pack `primary_digest`, for the candidate;
    // never blocks on the worker. `line`: a batch line's number, 0 for a single request. Thread-safe.
    void offer(std::string request_id, std::string body, Decided primary, std::string primary_digest,
               DecideOptions options, std::size_t line = 0);
    ShadowCounts counts() const;
    // The candidate, reloaded from its directory like the active pack.
    ActivePack& candidate() { return candidate_; }

private:
    struct Work {
        std::string request_id, body, primary_digest;
        Decided primary;
        DecideOptions options;
        std::size_t line = 0;
        std::size_t bytes() const { return body.size() + primary.json.size() + primary.message.size(); }
    };
    void run();
    void compare(const Work& work);
    void write_difference(const Work& work, const DecisionDifference& difference, const std::string& candidate_digest);

    ActivePack candidate_;
    const ShadowLimits limits_;
    std::ofstream output_;
    std::unique_ptr<ShadowRecord> record_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Work> queue_;
    std::size_t queued_bytes_ = 0;
    bool stopping_ = false;
    std::uint64_t compared_ = 0, differing_ = 0, dropped_ = 0;
    std::map<std::pair<std::string, std::string>, std::uint64_t> transitions_;
    std::thread worker_;  // last: started once everything above exists
};

}  // namespace frontdoor::http
