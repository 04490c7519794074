#include "engine/evaluate/row_index.hpp"

#include <algorithm>
#include <iterator>

namespace frontdoor::engine {

std::span<const std::uint32_t> RowProbe::rows_for(const Value& key) const {
    if (key.kind != kind) return {};
    auto at = std::lower_bound(keys.begin(), keys.end(), key.number);
    if (at == keys.end() || *at != key.number) return {};
    auto k = static_cast<std::size_t>(at - keys.begin());
    return std::span<const std::uint32_t>(rows).subspan(starts[k], starts[k + 1] - starts[k]);
}

// The union of the hits and the always-tried rows, each ascending. The shortest are joined first,
// so that a long run (every row for one area) is copied once or twice, not once per short one.
void RowIndex::merge_hits(RowIndexScratch& scratch) const {
    std::vector<std::uint32_t>& merged = scratch.merged;
    merged.assign(always.begin(), always.end());
    std::sort(scratch.hits.begin(), scratch.hits.end(),
              [](std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) { return a.size() < b.size(); });
    for (std::span<const std::uint32_t> rows : scratch.hits) {
        if (merged.empty()) {
            merged.assign(rows.begin(), rows.end());
            continue;
        }
        scratch.spare.clear();
        std::set_union(merged.begin(), merged.end(), rows.begin(), rows.end(), std::back_inserter(scratch.spare));
        merged.swap(scratch.spare);
    }
}

}  // namespace frontdoor::engine
