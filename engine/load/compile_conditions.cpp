// Conditions compiled into flat programs (engine/evaluate/condition_program.hpp). A program is
// written for a condition's whole tree of `and`, `or` and `not`, down to the tests that are not
// such; each of those is one step.
#include "engine/load/compile_conditions.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/load/each_expression.hpp"

#include <limits>

namespace frontdoor::engine {

namespace ast = dsl::ast;

namespace {

class ConditionCompiler {
public:
    explicit ConditionCompiler(CompiledPack& pack) : pack_(pack) {}

    // Every condition in `expr`'s tree that is tested on its own gets its program.
    void compile_under(const ast::Expr& expr, bool part_of_condition) {
        ConditionTest test = pack_.plan(expr).test;
        bool logical = test == ConditionTest::both || test == ConditionTest::either || test == ConditionTest::negation;
        if (!part_of_condition) compile_root(expr);  // kept only when worth it (compile_root)
        for (const auto& arg : expr.args) compile_under(*arg, logical);
        for (const auto& key : expr.keys) compile_under(*key, false);
        for (const auto& [name, value] : expr.fields) compile_under(*value, false);
    }

private:
    void compile_root(const ast::Expr& expr) {
        std::size_t start = pack_.condition_steps.size();
        std::size_t fields = pack_.condition_fields.size();
        emit(expr);
        // One general step, or one boolean path: holds() tests those as quickly without a program
        // (and every path in the pack is classified as a condition, most of them never tested).
        ConditionOp first = pack_.condition_steps[start].op;
        bool worth_it =
            pack_.condition_steps.size() - start > 1 || (first != ConditionOp::general && first != ConditionOp::truthy);
        if (!worth_it) {
            pack_.condition_steps.resize(start);
            pack_.condition_fields.resize(fields);
            return;
        }
        pack_.condition_steps.push_back(ConditionStep{});  // done
        pack_.plans[static_cast<std::size_t>(expr.id)].program = static_cast<int>(start);
    }

    // The steps that leave `expr`'s truth in r.
    void emit(const ast::Expr& expr) {
        const ExpressionPlan& plan = pack_.plan(expr);
        switch (plan.test) {
            case ConditionTest::both:
            case ConditionTest::either: {
                emit(*expr.args[0]);
                std::size_t jump = pack_.condition_steps.size();
                ConditionStep step;
                step.op = plan.test == ConditionTest::both ? ConditionOp::jump_if_false : ConditionOp::jump_if_true;
                pack_.condition_steps.push_back(step);
                emit(*expr.args[1]);
                pack_.condition_steps[jump].argument = static_cast<std::int32_t>(pack_.condition_steps.size());
                return;
            }
            case ConditionTest::negation: {
                emit(*expr.args[0]);
                ConditionStep step;
                step.op = ConditionOp::negate;
                pack_.condition_steps.push_back(step);
                return;
            }
            case ConditionTest::equal_constant:
            case ConditionTest::not_equal_constant:
            case ConditionTest::order_constant:
                if (emit_path_test(compared_op(expr), *expr.args[0], plan.compared_constant, expr)) return;
                break;
            case ConditionTest::relation:
                if (plan.member_bits >= 0) {
                    ConditionOp op =
                        expr.resolved.op == ast::Op::member ? ConditionOp::member : ConditionOp::not_member;
                    if (emit_path_test(op, *expr.args[0], plan.member_bits, expr)) return;
                }
                break;
            case ConditionTest::path:
                if (emit_path_test(ConditionOp::truthy, expr, -1, expr)) return;
                break;
            case ConditionTest::general:
                if (plan.constant < 0 &&
                    (expr.kind == ast::ExprKind::exists || expr.kind == ast::ExprKind::is_absent)) {
                    ConditionOp op = expr.kind == ast::ExprKind::exists ? ConditionOp::present : ConditionOp::absent;
                    if (emit_path_test(op, *expr.args[0], -1, expr)) return;
                }
                break;
        }
        ConditionStep step;
        step.op = ConditionOp::general;
        step.expr = &expr;
        pack_.condition_steps.push_back(step);
    }

    static ConditionOp compared_op(const ast::Expr& expr) {
        switch (expr.resolved.op) {
            case ast::Op::equal: return ConditionOp::equal;
            case ast::Op::not_equal: return ConditionOp::not_equal;
            case ast::Op::less: return ConditionOp::less;
            case ast::Op::less_equal: return ConditionOp::less_equal;
            case ast::Op::greater: return ConditionOp::greater;
            default: return ConditionOp::greater_equal;
        }
    }

    // A test of the path `path` as one step; false (nothing written) when the path's root is not
    // one a step reads in place.
    bool emit_path_test(ConditionOp op, const ast::Expr& path, int argument, const ast::Expr& expr) {
        const ast::Resolution& name = path.resolved;
        bool readable = is_path(path) && (name.kind == ast::NameKind::input || name.kind == ast::NameKind::definition ||
                                          name.kind == ast::NameKind::local);
        if (!readable || name.field_path.size() > std::numeric_limits<std::uint16_t>::max()) return false;
        ConditionStep step;
        step.op = op;
        step.root = name.kind;
        step.root_index = name.index;
        step.argument = argument;
        step.first_field = static_cast<std::int32_t>(pack_.condition_fields.size());
        step.field_count = static_cast<std::uint16_t>(name.field_path.size());
        step.expr = &expr;
        pack_.condition_fields.insert(pack_.condition_fields.end(), name.field_path.begin(), name.field_path.end());
        pack_.condition_steps.push_back(step);
        return true;
    }

    CompiledPack& pack_;
};

}  // namespace

void compile_conditions(CompiledPack& pack, dsl::Diagnostics&) {
    pack.condition_steps.clear();
    pack.condition_fields.clear();
    for (ExpressionPlan& plan : pack.plans) plan.program = -1;
    ConditionCompiler compiler(pack);
    each_expression(*pack.checked, [&](const ast::Expr& expr) { compiler.compile_under(expr, false); });
    // The rows' programs, in the places make_expression_plans laid out (first_row_program).
    const auto& decisions = pack.checked->syntax.decisions;
    for (std::size_t d = 0; d < decisions.size(); ++d)
        for (std::size_t r = 0; r < decisions[d].rows.size(); ++r)
            if (const auto& condition = decisions[d].rows[r].condition)
                pack.row_programs[pack.first_row_program[d] + r] = pack.plan(*condition).program;
}

}  // namespace frontdoor::engine
