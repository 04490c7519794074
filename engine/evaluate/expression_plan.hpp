#pragma once
// What loading works out about one expression so that evaluating it is quick: the engine's own
// record beside the checked syntax tree, which it never writes into (cel-cpp keeps its
// FlatExpression apart from the AST the same way). Kept in an array indexed by Expr::id
// (CompiledPack::plans), filled by the passes of engine/load/fold_constants.cpp.
#include <cstdint>

namespace frontdoor::engine {

// How `holds` tests a condition, chosen at load so that a condition costs one switch. The first
// three read one path and compare numbers, with no operand computed:
//   path = constant, path != constant   (the constant a boolean, integer, member, date or time)
//   path < constant (and <=, >, >=)
// (`item in S` with S constant members is a bit test in `relation`, through ExpressionPlan::member_bits.)
// Every expression is classified before the first evaluation (fold_constants), and again once
// constants are folded, when the shortcuts become possible; `general` is the rest: a folded
// constant, `exists`, `if`, and what must be computed.
enum class ConditionTest : std::uint8_t {
    general,
    equal_constant,
    not_equal_constant,
    order_constant,
    both,
    either,
    negation,  // and, or, not
    relation,  // a comparison or membership of two operands
    path,      // a boolean read in place
};

struct ExpressionPlan {
    // Index of this expression's value in CompiledPack::constants when it reads nothing and was
    // computed once at load; -1 otherwise.
    int constant = -1;
    // On `x in S` / `x not in S` where S is a constant list or set of enumeration members: index of
    // S's membership bits (CompiledPack::member_bits); -1 otherwise.
    int member_bits = -1;
    // For the shortcuts against a constant (equal_constant, not_equal_constant, order_constant):
    // the constant's index in CompiledPack::constants, so that the test reads one plan.
    int compared_constant = -1;
    // On a condition tested on its own (a row's, a refusal's, an `if`'s, a `where`'s, not a part
    // of a larger `and`, `or` or `not`): where its flat program starts in
    // CompiledPack::condition_steps (condition_program.hpp), which holds() runs; -1 when it has
    // none.
    int program = -1;
    ConditionTest test = ConditionTest::general;
};
static_assert(sizeof(ExpressionPlan) == 20);

}  // namespace frontdoor::engine
