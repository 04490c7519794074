#pragma once
// Decision logs: every decision kept with the input it was made from, the pack that made it and a
// SHA-256 hash chain, so that an auditor can prove the log was not altered and replay it with the
// exact rules in force. docs/audit.md describes the record, the chain and what it does not prove.
#include "frontdoor/frontdoor.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor {

// One recorded decision, as the log holds it.
struct Record {
    std::int64_t id = 0;                    // 1, 2, 3... in the order recorded, without gaps
    std::optional<std::string> contact_id;  // the decision's "contact_id" field; empty if it has none
    std::string input;                      // the bytes that were decided, exactly as received
    std::string decision;                   // the decision JSON, with its explanation
    std::string pack_digest;                // the pack that decided, stored in the log under this
    std::string engine_version;
    std::string recorded_at;    // UTC, e.g. "2024-05-01T09:30:00.123Z"; never used to decide
    std::string previous_hash;  // the hash of record id - 1 (all zeros for record 1)
    std::string hash;           // SHA-256 over this record's content and previous_hash
};

// Which records to read; every field left empty means "all".
struct RecordFilter {
    std::optional<std::int64_t> id;
    std::optional<std::string> contact_id;
    // Compared with the start of recorded_at, both inclusive: from "2024-05-01" to "2024-05-31"
    // takes in the whole of May (UTC). A bound is a UTC date or time, 2024-05-01, 2024-05-01T09:00,
    // 2024-05-01T09:00:30 or 2024-05-01T09:00:30.250, with or without a closing Z; a time with
    // another offset is refused (see time_bounds_problem), never compared as if it were UTC.
    std::string from;
    std::string to;
};

// Empty when each of the filter's bounds is empty or a UTC date or time as above that exists on
// the calendar (no 2024-02-30, no hour 25), and `from` is no later than `to`; otherwise a sentence
// naming the first bad bound and what was expected.
std::string time_bounds_problem(const RecordFilter& filter);

// A recorded decision as one line of JSON, as `frontdoor audit show --format json` and GET
// /v1/decisions show it. Its keys, in this order: id, contact_id (null if none), recorded_at,
// pack_digest, engine_version, previous_hash, hash, intact and problem (`problem` is
// DecisionLog::check_record's answer, null when empty), input (the text received) and decision (as
// JSON; as a string when it is not JSON). Bytes that are not UTF-8 (a tampered record) are written
// as U+FFFD.
std::string record_json(const Record& record, const std::string& problem);

// The result of checking a whole log. `problem` is empty when the log is intact.
struct VerifyReport {
    std::int64_t records = 0;  // records whose hash and link were checked
    std::size_t packs = 0;     // stored packs whose files were checked against their digest
    std::int64_t head_id = 0;  // the last record, 0 for an empty log
    std::string head_hash;
    std::int64_t first_broken = 0;  // the first record that fails a check, 0 if none does
    std::string problem;            // what is wrong, naming the record or pack
    bool ok() const { return problem.empty(); }
};

// A decision log. Appending and reading go through a storage backend chosen by the location
// (a SQLite file, or a PostgreSQL database named by a URL); hashing, chaining, verifying and pack storage do not depend
// on it. Thread-safety: pack() may be called from any number of threads at once; every other call needs one thread at a
// time per DecisionLog (replay_log and the impact assessments run their own threads safely on one log; a second process
// appending to the same file waits for the first's commit). Errors: every storage failure (a disk error, a locked or
// altered file) is a std::runtime_error with a message for the user, naming the log.
class DecisionLog {
public:
    enum class Access { read, append };
    // Opens the log at `location`: a postgresql:// or postgres:// URL names a PostgreSQL log
    // (docs/postgresql.md; messages show it without its password); anything else is a plain file
    // path (never a SQLite URI or ":memory:": a relative name is a file in the current directory). Appending creates a
    // missing file with owner-only permissions, and refuses a log whose layout is not exactly the one Frontdoor makes
    // (see layout_problem); reading never writes, and opens such a log so that verify can report it. Throws
    // std::runtime_error with a message for the user (naming the location and what is wrong: missing, not a log,
    // another layout, permissions); never returns null.
    static std::unique_ptr<DecisionLog> open(const std::string& location, Access access);
    ~DecisionLog();

    struct Entry {
        std::string input;     // as received
        std::string decision;  // as decided by the pack, with its explanation
    };
    // Records decisions of `pack`, in order, in one durable transaction: when this returns every
    // entry is on disk; when it throws (std::runtime_error) none is. Stores the pack's files the
    // first time it is used.
    // Returns the new records' ids.
    std::vector<std::int64_t> append(const Pack& pack, const std::vector<Entry>& entries);

    // Checks every record's hash and its link to the one before, and every stored pack's files
    // against its digest; stops at the first broken record. A non-empty `published_head` is a
    // hash published earlier (see docs/audit.md) that the chain must still contain.
    VerifyReport verify(const std::string& published_head = "") const;

    // Why the log is not laid out exactly as Frontdoor makes it (an extra trigger, view, index or
    // table, a missing one, a changed column), naming each difference; "" when it is. verify()
    // reports it as a problem; a reader (show, replay) should warn before trusting what it reads.
    std::string layout_problem() const;

    // Checks one record on its own: its content against its hash, and its link to the record
    // before it (present, and with the hash it names). Empty when both hold; otherwise what is
    // wrong, as verify words it. It does not check the rest of the chain, the stored packs or a
    // published head: verify() does.
    std::string check_record(const Record& record) const;

    // Calls `visit` with each record matching `filter`, in id order, until it returns false.
    // Throws std::invalid_argument (with time_bounds_problem's sentence) for a bad time bound.
    void scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) const;
    std::vector<Record> find(const RecordFilter& filter) const;

    // The pack stored under `digest`, compiled once and shared; null with `error` set when the
    // log does not hold it or it no longer loads. Either answer is worked out once per digest, so
    // a replay over many records of a broken pack does not recompile it for each. Thread-safe.
    std::shared_ptr<const Pack> pack(const std::string& digest, std::string* error = nullptr) const;
    // The record's decision with its explanation in full: as stored, or, for a decision recorded with
    // a compact explanation (eval --record --explain compact), expanded by the pack that made it,
    // stored in this log. What an auditor reads and an impact report compares; the hash covers the
    // stored bytes. Throws std::runtime_error when that pack is missing, does not load, or cannot
    // expand it. Thread-safe as pack() is.
    std::string full_decision(const Record& record) const;

private:
    struct Impl;  // the storage backend and the cache of stored packs (engine/records/decision_log_impl.hpp)
    explicit DecisionLog(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontdoor
