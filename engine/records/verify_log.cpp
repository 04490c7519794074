// Verifying a decision log: every stored pack against its digest, then every record in id order
// against its own hash and the hash of the record before it. The first failure is named. One
// record can be checked on its own (its hash and its link) with the same words.
#include "engine/load/digest_pack.hpp"
#include "engine/records/decision_log_impl.hpp"
#include "engine/records/hash_record.hpp"
#include "engine/records/record_store.hpp"

#include <algorithm>
#include <map>

namespace frontdoor {

namespace {

// What is wrong with each stored pack whose files no longer give its digest.
std::map<std::string, std::string> check_packs(records::RecordStore& store, std::size_t& checked) {
    std::map<std::string, std::string> problems;
    for (const std::string& digest : store.pack_digests()) {
        ++checked;
        auto pack = store.pack(digest);
        if (!pack || pack->files.empty()) {
            problems[digest] = "the log holds no files for it";
        } else if (engine::digest_pack(pack->files) != digest) {
            problems[digest] = "its stored files no longer give its digest: a rule or data file was changed, "
                               "added or removed";
        }
    }
    return problems;
}

// Why `record` does not follow on from record `previous_id` (0 when it is the first) whose hash
// is `previous_hash`, or "": its place, its content against its own hash, its link.
std::string chain_problem(const Record& record, std::int64_t previous_id, const std::string& previous_hash) {
    std::string name = "record " + std::to_string(record.id);
    if (record.id > previous_id + 1) {
        std::string missing = record.id == previous_id + 2 ? "record " + std::to_string(previous_id + 1) + " is missing"
                                                           : "records " + std::to_string(previous_id + 1) + " to " +
                                                                 std::to_string(record.id - 1) + " are missing";
        return name + ": " + missing + " (deleted, or the log was cut)";
    }
    if (record.id != previous_id + 1) return name + ": out of order";
    if (records::hash_record(record) != record.hash)
        return name + ": its content does not match its hash: it was changed after it was recorded";
    if (record.previous_hash != previous_hash)
        return name + ": it does not follow on from " +
               (previous_id == 0 ? std::string("the start of the log") : "record " + std::to_string(previous_id)) +
               ": a record before it was changed, removed or moved";
    return "";
}

// Why `record` does not belong after `previous`, or its pack does not hold, or "".
std::string record_problem(const Record& record, std::int64_t previous_id, const std::string& previous_hash,
                           const std::map<std::string, std::string>& pack_problems, bool pack_stored) {
    std::string name = "record " + std::to_string(record.id);
    if (std::string problem = chain_problem(record, previous_id, previous_hash); !problem.empty()) return problem;
    auto pack_problem = pack_problems.find(record.pack_digest);
    if (pack_problem != pack_problems.end())
        return name + ": its pack " + record.pack_digest + ": " + pack_problem->second;
    if (!pack_stored) return name + ": the log does not hold its pack " + record.pack_digest;
    return "";
}

}  // namespace

VerifyReport DecisionLog::verify(const std::string& published_head) const {
    VerifyReport report;
    auto pack_problems = check_packs(*impl_->store, report.packs);
    auto digests = impl_->store->pack_digests();
    std::string previous_hash = records::genesis_hash();
    bool head_found = published_head.empty();
    impl_->store->scan({}, [&](Record&& record) {
        bool stored = std::binary_search(digests.begin(), digests.end(), record.pack_digest);
        std::string problem = record_problem(record, report.head_id, previous_hash, pack_problems, stored);
        if (!problem.empty()) {
            report.first_broken = record.id;
            report.problem = problem;
            return false;
        }
        ++report.records;
        report.head_id = record.id;
        report.head_hash = previous_hash = record.hash;
        if (record.hash == published_head) head_found = true;
        return true;
    });
    if (report.problem.empty() && !head_found)
        report.problem = "the published head " + published_head +
                         " is not in the chain: records were removed, or the chain was rewritten";
    if (report.problem.empty() && !pack_problems.empty())
        report.problem = "the stored pack " + pack_problems.begin()->first +
                         " (used by no record): " + pack_problems.begin()->second;
    // A layout that differs is named first: whatever the records say, something besides Frontdoor
    // may have changed what was written or what is read.
    if (std::string layout = layout_problem(); !layout.empty())
        report.problem = report.problem.empty() ? layout : layout + "; and " + report.problem;
    return report;
}

std::string DecisionLog::layout_problem() const { return impl_->store->layout_problem(); }

std::string DecisionLog::check_record(const Record& record) const {
    std::string previous_hash = records::genesis_hash();
    bool found = record.id <= 1;
    if (!found) {
        RecordFilter previous;
        previous.id = record.id - 1;
        impl_->store->scan(previous, [&](Record&& before) {
            previous_hash = before.hash;
            found = true;
            return false;
        });
    }
    // A missing record before it is reported as verify reports a hole: as if the chain had
    // reached record id - 2.
    return chain_problem(record, found ? record.id - 1 : record.id - 2, previous_hash);
}

}  // namespace frontdoor
