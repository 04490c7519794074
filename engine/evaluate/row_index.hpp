#pragma once
// A decision's rows indexed by what they test (a discrimination index, as production-rule engines
// keep one), so that deciding with a pack of 10,000 rules tries the rows that can match, not all.
//
// A row is indexed by one test its condition cannot hold without: a conjunct of its `and` chain
// such as `contact.area = "north"`, `contact.band in [low, high]`, `"x" in contact.flags` or
// `any(i in contact.flags where i in group)`. The test reads one input path (a probe), either the
// path's own value or each item of the list or set there, and holds only for a few keys (numbers of
// one kind: enumeration members, integers, booleans, dates, times). Rows with no such test are
// always tried. The rows a contact can match are then the rows listed under its keys, with the
// always-tried rows, in the decision's own order; each is still tested in full, so the index only
// leaves out rows that cannot apply and never changes an answer. engine/load/index_rows.cpp builds
// it and says which tests qualify; engine/evaluate/tests/row_index_test.cpp holds it to a full scan.
#include "dsl/ast.hpp"
#include "engine/evaluate/value.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace frontdoor::engine {

// One input path a decision's rows are indexed under, and the rows listed under each key.
struct RowProbe {
    const dsl::ast::Expr* path = nullptr;    // an input path (Evaluation::path reads it in place)
    bool items = false;                      // each item of the list or set at the path, not the path's value
    Value::Kind kind = Value::Kind::absent;  // the keys' kind: a value of another kind matches no key
    std::vector<std::int64_t> keys;          // sorted, without repeats
    std::vector<std::uint32_t> starts;       // rows of keys[k]: rows[starts[k] .. starts[k + 1])
    std::vector<std::uint32_t> rows;         // row numbers, ascending under each key

    // The rows listed under `key` (none when its kind is not the probe's).
    std::span<const std::uint32_t> rows_for(const Value& key) const;
};

// Working memory for gathering candidates, kept in an evaluation's frame so that it is reused.
struct RowIndexScratch {
    std::vector<std::span<const std::uint32_t>> hits;
    std::vector<std::uint32_t> merged, spare;
};

struct RowIndex {
    std::vector<RowProbe> probes;
    std::vector<std::uint32_t> always;  // rows tried for every contact, ascending

    // False for a decision left to a full scan (too few rows to gain, or none indexed).
    bool used() const { return !probes.empty(); }

    // The rows that can apply, ascending and without repeats, in scratch.merged: the always-tried
    // rows and the rows listed under the keys `read_probe(p)` gives for each probe p.
    template <class ReadProbe>
    void candidates(ReadProbe&& read_probe, RowIndexScratch& scratch) const {
        scratch.hits.clear();
        for (const RowProbe& probe : probes) {
            const Value& value = read_probe(*probe.path);
            if (!probe.items) {
                add_hits(probe.rows_for(value), scratch);
                continue;
            }
            for (const Value& item : value.elements()) add_hits(probe.rows_for(item), scratch);
        }
        merge_hits(scratch);
    }

private:
    static void add_hits(std::span<const std::uint32_t> rows, RowIndexScratch& scratch) {
        if (!rows.empty()) scratch.hits.push_back(rows);
    }
    void merge_hits(RowIndexScratch& scratch) const;
};

}  // namespace frontdoor::engine
