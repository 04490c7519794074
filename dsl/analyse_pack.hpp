#pragma once
// Internal to dsl/: the analysis `frontdoor check` runs on a pack that checked without errors, to
// catch what passes silently. Every finding is a warning (`check --strict` makes them errors).
#include "dsl/checked_pack.hpp"
#include "dsl/diagnostics.hpp"

#include <string>

namespace frontdoor::dsl {

// The most combinations of condition values explored for one decision; past it the decision is
// named as too large to analyse fully.
inline constexpr std::uint64_t max_analysed_combinations = 16384;

// First-match decisions and tables: rows that never apply (masked by the rows above), rows that
// overlap a row above with a different value, inputs only `otherwise` covers (analyse_tables.cpp).
void analyse_tables(const CheckedPack& pack, Diagnostics& diagnostics);

// Enumeration members that no rule, set or table mentions, in an enumeration the pack lists in a
// set; members of a decision's enumeration that no row can produce (analyse_catalogues.cpp).
void analyse_catalogues(const CheckedPack& pack, Diagnostics& diagnostics);

// `exclusive` and `partition` declarations name lets that are written-out sets of members of one
// enumeration (errors; check_exclusive_sets.cpp).
void check_exclusive_sets(const CheckedPack& pack, Diagnostics& diagnostics);

// Labels: none empty or over 80 characters, none shared by two definitions or by two members of one
// enumeration (errors; check_labels.cpp).
void check_labels(const CheckedPack& pack, Diagnostics& diagnostics);

// The manifest's version: one line of printable text, without control characters (errors;
// check_manifest.cpp).
void check_manifest(const CheckedPack& pack, Diagnostics& diagnostics);

// A member in two sets declared exclusive; a member of a partitioned enumeration in none of its
// sets (analyse_exclusive_sets.cpp).
void analyse_exclusive_sets(const CheckedPack& pack, Diagnostics& diagnostics);

// `exclusive rows of D` declarations name two or more distinct rows of the collect decision D
// (errors; check_exclusive_rows.cpp).
void check_exclusive_rows(const CheckedPack& pack, Diagnostics& diagnostics);

// Two rows declared exclusive that both apply to an input (shown); a 'for each' row named in such a
// declaration, which is not analysed (analyse_exclusive_rows.cpp).
void analyse_exclusive_rows(const CheckedPack& pack, Diagnostics& diagnostics);

// "<file>:<line>:<col>" of a span, for a note that names another row.
std::string location_of(const CheckedPack& pack, Span span);

}  // namespace frontdoor::dsl
