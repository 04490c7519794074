#pragma once
// Conditions compiled at load into flat programs (issue 15's flat evaluation): a condition's
// `and`, `or` and `not` become jumps, and its tests of a path against a constant become steps that
// carry the path's root and fields themselves, so that a row's condition is tested by walking one
// array, with no syntax node read and no call per operator.
// engine/load/compile_conditions.cpp writes the programs (CompiledPack::condition_steps, each
// program's start in ExpressionPlan::program); Evaluation::run_condition runs them.
//
// A program computes one boolean, `r`, step after step, and ends at `done`; a jump moves to its
// target when `r` is as it names, leaving `r` as it is, so `a and b` is
//     a; jump_if_false END; b; END: ...
// What a step cannot test in place (a relation of two computed operands, `exists` on a computed
// value, a quantifier) is one `general` step, which holds() tests as the syntax tree says. A program reads the same
// definitions in the same order as walking the tree does, so an explanation (which lists
// definitions in the order they were settled) is the same either way; with one, a member test
// hands its expression to holds(), which reads the set's definition so that it is recorded. Which
// part of a condition failed, for the explanation, is still found by walking the tree.
#include "dsl/ast.hpp"

#include <cstdint>

namespace frontdoor::engine {

enum class ConditionOp : std::uint8_t {
    // r = the path's value compared with constants[argument] (a boolean, integer, member, date or
    // time), as `path = c`, `path != c`, `path < c`...
    equal,
    not_equal,
    less,
    less_equal,
    greater,
    greater_equal,
    // r = whether the path's enumeration member is among member_bits[argument] (`path in S` with S
    // constant members), or not; a value that is not a member goes to holds(*expr).
    member,
    not_member,
    truthy,         // r = the path's boolean
    present,        // r = whether the path's value is present (`path exists`)
    absent,         // r = whether it is absent (`path is absent`)
    general,        // r = holds(*expr)
    negate,         // r = !r
    jump_if_false,  // when !r, go to step `argument`
    jump_if_true,   // when r, go to step `argument`
    done,           // the program's result is r
};

struct ConditionStep {
    ConditionOp op = ConditionOp::done;
    // The path a test reads: its root (an input field, a definition or a bound variable, by
    // root_index) and then field_count fields, CompiledPack::condition_fields[first_field...].
    dsl::ast::NameKind root = dsl::ast::NameKind::unresolved;
    std::uint16_t field_count = 0;
    std::int32_t root_index = -1;
    std::int32_t argument = -1;  // a constant, a set of member bits, or a jump's target
    std::int32_t first_field = 0;
    const dsl::ast::Expr* expr = nullptr;  // the expression a general step, or a member test's fallback, tests
};
static_assert(sizeof(ConditionStep) == 24);

}  // namespace frontdoor::engine
