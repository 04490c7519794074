#pragma once
// What an evaluation records when an explanation is asked for: each definition in the order it was
// settled, the row or entry that gave its value, what that row read, and for a first-match
// decision, each earlier row and the condition that failed it.
//
// Reads and row attempts live in one array each for the whole trace, and entries hold index runs
// into them, so that recording an entry allocates nothing once a reused trace has grown.
#include "dsl/ast.hpp"
#include "engine/evaluate/value.hpp"
#include "engine/load/compiled_pack.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace frontdoor::engine {

// A fact an expression read: where (an input path or a definition, with its type) and its value.
struct Read {
    const ReadSite* site;  // owned by the compiled pack's ExplanationTables
    Value value;
    std::string_view path() const { return site->path; }
    const dsl::TypeRef& type() const { return site->expr->type; }
};

// A run [begin, end) of Trace::reads or Trace::attempts.
struct TraceRun {
    std::uint32_t begin = 0, end = 0;
    bool empty() const { return begin == end; }
};

struct RowAttempt {
    int row;
    const dsl::ast::Expr* failed;     // the part of the condition that was false
    std::string_view failed_encoded;  // its text as JSON, owned by the compiled pack
    TraceRun reads;
};

// Types point into the compiled pack, which outlives the trace: no reference count is touched.
struct TraceEntry {
    int definition = -1;
    int row = -1;  // decision row or table entry that gave the value (-1 for a let)
    const dsl::ast::Expr* condition = nullptr;
    Value key;  // table lookups: the key looked up
    const dsl::TypeRef* key_type = nullptr;
    Value value;
    const dsl::TypeRef* type = nullptr;
    TraceRun reads;        // what the matching row (or the let) read
    TraceRun not_matched;  // first match: the earlier rows, in order
};

struct Trace {
    std::vector<TraceEntry> entries;
    std::vector<RowAttempt> attempts;
    std::vector<Read> reads;
    // Attempts of first-match decisions still being decided, innermost last: a decision's own are
    // moved to `attempts` when it is settled, so that each entry's stay one run even when deciding
    // a row settles another decision first.
    std::vector<RowAttempt> pending_attempts;

    std::span<const Read> reads_of(TraceRun run) const { return {reads.data() + run.begin, reads.data() + run.end}; }
    std::span<const RowAttempt> attempts_of(const TraceEntry& entry) const {
        return {attempts.data() + entry.not_matched.begin, attempts.data() + entry.not_matched.end};
    }
    // Empties the trace and keeps its memory, for the next evaluation on the same thread.
    void clear() {
        entries.clear();
        attempts.clear();
        reads.clear();
        pending_attempts.clear();
    }
};

}  // namespace frontdoor::engine
