#pragma once
#include "dsl/diagnostics.hpp"
#include "engine/load/compiled_pack.hpp"

namespace frontdoor::engine {

// Before: every decision tried row by row, whatever the input. After: each decision of at least
// min_rows_to_index rows with a row the index can serve has its RowIndex
// (CompiledPack::row_indexes, engine/evaluate/row_index.hpp), so that without an explanation it
// tries only the rows the contact's values leave possible. Runs once constants are folded: the keys
// a row tests are constants.
void index_rows(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// A decision with fewer rows is scanned: gathering its candidates would cost about what it saves.
inline constexpr std::size_t min_rows_to_index = 16;

}  // namespace frontdoor::engine
