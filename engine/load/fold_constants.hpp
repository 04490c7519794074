#pragma once
#include "dsl/diagnostics.hpp"
#include "engine/load/compiled_pack.hpp"

namespace frontdoor::engine {

// The passes of loading that work on the compiled pack's syntax, in the order
// engine/load/load_pipeline.cpp runs them. Each takes the pack as the pass before it left it; a constant
// that overflows or leaves the range of dates (OutOfRange) is an error at its expression.

// Before: the checked syntax, its expressions numbered (Expr::id). After: an empty plan for each
// (ExpressionPlan, CompiledPack::plans, by id), which the passes below fill in, and an empty row
// index for each decision (CompiledPack::row_indexes, filled by index_rows), and no program for
// any row (CompiledPack::row_programs, filled by compile_conditions); the tree itself is never
// written.
void make_expression_plans(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// Before: only the syntax. After: the text as written of every condition a decision can show (not
// the inside of an `and` or `or` chain; ExplanationTables::texts) and of every name or field path
// (paths), each also encoded as JSON (encoded_texts, encoded_path_keys), by Expr::id.
void index_texts(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// Before: enum members, record fields, output fields and citations as names. After: each encoded as
// JSON once (ExplanationTables::encoded_members, encoded_fields, encoded_output_keys, and
// encoded_citations by Citation::id), and the ruleset's name, version and digest as one encoded
// object (encoded_ruleset).
void index_names(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// Before: every expression evaluated in general. After: each tells how `holds` tests it
// (ExpressionPlan::test): and, or, not, relations and paths apart, and, once constants are folded,
// `path = 3` or `path < d"2024-01-01"` compared against the constant with no operand computed.
void index_condition_tests(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// Before: `["a", "b"]` or `2 * 3` built for every contact. After: the largest subexpressions that
// read no input, definition or variable computed once (ExpressionPlan::constant into `constants`).
void fold_constant_expressions(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// Before: a catalogue `let` recomputed for every contact. After: each definition that does not
// depend on the input computed once (constant_definitions, by slot).
void fold_constant_definitions(CompiledPack& pack, dsl::Diagnostics& diagnostics);

// Before: `x in [low, high]` compares x with each member. After: with a constant collection of
// enumeration members, the collection as bits (ExpressionPlan::member_bits), tested in one step.
void index_member_tests(CompiledPack& pack, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
