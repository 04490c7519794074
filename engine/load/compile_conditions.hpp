#pragma once
#include "dsl/diagnostics.hpp"
#include "engine/load/compiled_pack.hpp"

namespace frontdoor::engine {

// Before: each condition tested by walking its syntax tree (holds, ExpressionPlan::test). After:
// each condition tested on its own (a row's, a refusal's, an `if`'s, a `where`'s; not the parts of
// a larger `and`, `or` or `not`) that has more than one step, or whose one step compares or tests
// a path read in place (a boolean path alone holds() reads as quickly), has a flat program
// (CompiledPack::condition_steps, from ExpressionPlan::program; engine/evaluate/condition_program.hpp), which holds()
// runs instead of walking the tree. Runs once constants are folded and the member tests indexed: the steps test against
// those.
void compile_conditions(CompiledPack& pack, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
