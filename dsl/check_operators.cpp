// Checking operators: not, negation, and/or, arithmetic, comparisons and membership, and if.
#include "dsl/check_expression.hpp"

#include <map>
#include <set>

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

namespace {

// The variables named in an `X exists` test at the top of a conjunction.
void collect_present(const Expr& expr, std::set<std::string>& present) {
    if (expr.kind == ExprKind::exists) {
        std::string path = path_of(*expr.args[0]);
        if (!path.empty()) present.insert(path);
    } else if (expr.kind == ExprKind::binary && expr.resolved.op == Op::logical_and) {
        collect_present(*expr.args[0], present);
        collect_present(*expr.args[1], present);
    }
}

Op decode_operator(const std::string& text) {
    static const std::map<std::string, Op> ops = {
        {"and", Op::logical_and}, {"or", Op::logical_or},    {"+", Op::add},     {"-", Op::subtract},
        {"=", Op::equal},         {"!=", Op::not_equal},     {"<", Op::less},    {"<=", Op::less_equal},
        {">", Op::greater},       {">=", Op::greater_equal}, {"in", Op::member}, {"not in", Op::not_member}};
    auto it = ops.find(text);
    return it == ops.end() ? Op::none : it->second;
}

}  // namespace

TypeRef Checker::check_unary(Expr& expr, Scope& scope) {
    TypeRef operand = check(*expr.args[0], scope, nullptr);
    if (is_error(operand)) return operand;
    if (expr.text == "not") {
        expr.resolved.op = Op::logical_not;
        expect(*expr.args[0], operand, boolean_type(), "the operand of 'not'");
        return boolean_type();
    }
    expr.resolved.op = Op::negate;
    expect(*expr.args[0], operand, make_type(TypeKind::integer), "the operand of '-'");
    return make_type(TypeKind::integer);
}

TypeRef Checker::check_binary(Expr& expr, Scope& scope, const TypeRef&) {
    expr.resolved.op = decode_operator(expr.text);
    Op op = expr.resolved.op;
    if (op == Op::logical_and || op == Op::logical_or) {
        TypeRef left = check(*expr.args[0], scope, boolean_type());
        Scope right_scope = scope;
        if (op == Op::logical_and) collect_present(*expr.args[0], right_scope.present);
        TypeRef right = check(*expr.args[1], right_scope, boolean_type());
        expect(*expr.args[0], left, boolean_type(), "each side of '" + expr.text + "'");
        expect(*expr.args[1], right, boolean_type(), "each side of '" + expr.text + "'");
        return boolean_type();
    }
    if (op == Op::add || op == Op::subtract) {
        TypeRef left = check(*expr.args[0], scope, nullptr);
        TypeRef right = check(*expr.args[1], scope, left);
        if (is_error(left) || is_error(right)) return error_type();
        if (!expect_present(*expr.args[0], left, "the left of '" + expr.text + "'") ||
            !expect_present(*expr.args[1], right, "the right of '" + expr.text + "'"))
            return error_type();
        return check_arithmetic(expr, left, right);
    }
    return check_comparison(expr, scope);
}

TypeRef Checker::check_arithmetic(Expr& expr, const TypeRef& left, const TypeRef& right) {
    bool add = expr.resolved.op == Op::add;
    if (left->kind == TypeKind::integer && right->kind == TypeKind::integer) return left;
    if (add && left->kind == TypeKind::text && right->kind == TypeKind::text) return left;
    if (right->kind == TypeKind::duration) {
        if (left->kind == TypeKind::date && right->duration == DurationClass::calendar) return left;
        if (left->kind == TypeKind::datetime && right->duration == DurationClass::elapsed) return left;
        if (left->kind == TypeKind::datetime && right->duration == DurationClass::working) {
            if (add) return left;
            diagnostics_.error(expr.span, "working days can only be added, not subtracted");
            return error_type();
        }
        if (left->kind == TypeKind::date)
            diagnostics_.error(expr.span, "a date moves by days or months; for hours or working days use a datetime");
        else if (left->kind == TypeKind::datetime)
            diagnostics_.error(
                expr.span,
                "a datetime moves by hours, minutes, seconds or working days; for days or months use a date (local_date(...))");
        else
            diagnostics_.error(expr.span,
                               "a duration can only be added to a date or a datetime, not to " + describe_one(left));
        return error_type();
    }
    diagnostics_.error(expr.span, "cannot " + std::string(add ? "add " : "subtract ") + describe(right) +
                                      (add ? " to " : " from ") + describe(left));
    return error_type();
}

TypeRef Checker::check_comparison(Expr& expr, Scope& scope) {
    Op op = expr.resolved.op;
    Expr& left_expr = *expr.args[0];
    Expr& right_expr = *expr.args[1];
    // A text literal takes its meaning from the other side: `contact.channel = "form"`.
    bool left_literal = left_expr.kind == ExprKind::text || left_expr.kind == ExprKind::list;
    TypeRef left = left_literal ? nullptr : check(left_expr, scope, nullptr);
    if (op == Op::member || op == Op::not_member) {
        TypeRef right =
            check(right_expr, scope,
                  left && !is_error(left) ? make_collection(TypeKind::list, as_optional(left, false)) : nullptr);
        if (is_error(right)) return boolean_type();
        if (right->kind != TypeKind::list && right->kind != TypeKind::set) {
            diagnostics_.error(right_expr.span, "'" + expr.text + "' needs a list or set on its right, but this is " +
                                                    describe_one(right));
            return boolean_type();
        }
        expect_present(right_expr, right, "the list");
        if (!left) left = check(left_expr, scope, right->element);
        if (!is_error(left) && !same_shape(left, right->element))
            diagnostics_.error(expr.span, "cannot look for " + describe(left) + " in " + describe(right));
        return boolean_type();
    }
    TypeRef right = check(right_expr, scope, left);
    if (!left) left = check(left_expr, scope, right);
    if (is_error(left) || is_error(right)) return boolean_type();
    if (left->kind == TypeKind::absent || right->kind == TypeKind::absent) {
        diagnostics_.error(expr.span,
                           "to test for absence write 'X is absent' or 'X exists', not a comparison with absent");
        return boolean_type();
    }
    if (!same_shape(left, right)) {
        diagnostics_.error(expr.span, "cannot compare " + describe(left) + " with " + describe(right));
        return boolean_type();
    }
    if (op != Op::equal && op != Op::not_equal) {
        if (!orderable(left)) {
            diagnostics_.error(expr.span,
                               "'" + expr.text + "' orders numbers, dates, times and text, not " + describe_one(left));
            return boolean_type();
        }
        expect_present(left_expr, left, "the left of '" + expr.text + "'");
        expect_present(right_expr, right, "the right of '" + expr.text + "'");
    } else if (left->kind == TypeKind::calendar) {
        diagnostics_.error(expr.span, "calendars cannot be compared");
    }
    return boolean_type();
}

TypeRef Checker::check_if(Expr& expr, Scope& scope, const TypeRef& expected) {
    TypeRef condition = check(*expr.args[0], scope, boolean_type());
    expect(*expr.args[0], condition, boolean_type(), "the condition of 'if'");
    Scope then_scope = scope;
    collect_present(*expr.args[0], then_scope.present);
    TypeRef then_type = check(*expr.args[1], then_scope, expected);
    TypeRef else_type =
        check(*expr.args[2], scope, then_type && then_type->kind != TypeKind::absent ? then_type : expected);
    if (is_error(then_type) || is_error(else_type)) return error_type();
    if (then_type->kind == TypeKind::absent && else_type->kind == TypeKind::absent) return then_type;
    if (then_type->kind == TypeKind::absent) return as_optional(else_type);
    if (else_type->kind == TypeKind::absent) return as_optional(then_type);
    if (!same_shape(then_type, else_type)) {
        diagnostics_.error(expr.span,
                           "the two branches of 'if' differ: " + describe(then_type) + " and " + describe(else_type));
        return error_type();
    }
    return as_optional(then_type, then_type->optional || else_type->optional);
}

}  // namespace frontdoor::dsl
