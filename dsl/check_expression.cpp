// Type checking of expressions: the dispatch by kind (Checker::check) and what every kind shares;
// each kind has its file (check_literals, check_names, check_calls, check_operators,
// check_quantifiers). Each error is made from the expression so that the caret points at it.
#include "dsl/check_expression.hpp"
#include "dsl/nesting_limit.hpp"

#include <algorithm>
#include <cassert>

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

std::string path_of(const Expr& expr) {
    if (expr.kind == ExprKind::name) return expr.text;
    if (expr.kind == ExprKind::field) {
        std::string base = path_of(*expr.args[0]);
        return base.empty() ? base : base + "." + expr.text;
    }
    return "";
}

namespace {

// A value of `type` may be used where `wanted` is expected.
bool fits(const TypeRef& type, const TypeRef& wanted) {
    if (is_error(type) || is_error(wanted)) return true;
    if (type->kind == TypeKind::absent) return wanted->optional;
    if (type->optional && !wanted->optional) return false;
    if ((type->kind == TypeKind::list || type->kind == TypeKind::set) && type->kind == wanted->kind)
        return !type->element || fits(type->element, wanted->element);
    return same_shape(type, wanted);
}

}  // namespace

bool Checker::expect(const Expr& expr, const TypeRef& type, const TypeRef& wanted, const std::string& what) {
    if (fits(type, wanted)) return true;
    std::string hint;
    if (type->optional && !wanted->optional && same_shape(type, wanted))
        hint = "; it may be absent, so say what happens then (e.g. 'X exists and ...', or first_present(X, fallback))";
    diagnostics_.error(expr.span,
                       what + " must be " + describe_one(wanted) + ", but this is " + describe_one(type) + hint);
    return false;
}

bool Checker::expect_present(const Expr& expr, const TypeRef& type, const std::string& what) {
    if (is_error(type) || !type->optional) return true;
    diagnostics_.error(expr.span, what + " may be absent here; test it first ('" + path_of(expr) +
                                      " exists and ...') or give a fallback with first_present(...)");
    return false;
}

int Checker::bind_local(Scope& scope, const std::string& name, const TypeRef& type) {
    int slot = pack_.local_count++;
    scope.locals.push_back({name, {slot, type}});
    return slot;
}

std::vector<std::string> Checker::visible_names(const Scope& scope) const {
    std::vector<std::string> names;
    for (const auto& local : scope.locals) names.push_back(local.first);
    for (const auto& [name, slot] : pack_.definition_by_name) names.push_back(name);
    for (const auto& [name, index] : pack_.calendar_by_name) names.push_back(name);
    if (!pack_.input_name.empty()) names.push_back(pack_.input_name);
    return names;
}

// Recurses once per level: bounded because the tree was built within the nesting limit
// (dsl/nesting_limit.hpp), as are the passes after this one, which walk the same trees.
TypeRef Checker::check(Expr& expr, Scope& scope, const TypeRef& expected) {
    assert(expr.depth <= max_nesting_depth + 1 && "the syntax tree was built past the nesting limit");
    TypeRef type;
    switch (expr.kind) {
        case ExprKind::boolean: type = boolean_type(); break;
        case ExprKind::integer: type = make_type(TypeKind::integer); break;
        case ExprKind::text: type = check_text(expr, expected); break;
        case ExprKind::absent: type = make_type(TypeKind::absent); break;
        case ExprKind::date: type = make_type(TypeKind::date); break;
        case ExprKind::datetime: type = make_type(TypeKind::datetime); break;
        case ExprKind::duration:
            if (expr.unit == ast::DurationUnit::working_days) {
                type = make_duration(DurationClass::working);
                auto calendar = pack_.calendar_by_name.find(expr.calendar);
                if (calendar == pack_.calendar_by_name.end()) {
                    std::vector<std::string> names;
                    for (const auto& [n, i] : pack_.calendar_by_name) names.push_back(n);
                    diagnostics_.error(expr.span,
                                       "unknown calendar '" + expr.calendar + "'" + did_you_mean(expr.calendar, names));
                    type = error_type();
                } else {
                    expr.resolved.index = calendar->second;
                }
                if (expr.number < 1)
                    diagnostics_.error(expr.span, "count working days from 1: day 0 is the day the clock starts");
            } else {
                bool calendar_unit = expr.unit == ast::DurationUnit::days || expr.unit == ast::DurationUnit::months;
                type = make_duration(calendar_unit ? DurationClass::calendar : DurationClass::elapsed);
            }
            break;
        case ExprKind::list: type = check_list(expr, scope, expected); break;
        case ExprKind::record: type = check_record(expr, scope, expected); break;
        case ExprKind::name: type = check_name(expr, scope); break;
        case ExprKind::field: type = check_field(expr, scope); break;
        case ExprKind::call: type = check_call(expr, scope); break;
        case ExprKind::unary: type = check_unary(expr, scope); break;
        case ExprKind::binary: type = check_binary(expr, scope, expected); break;
        case ExprKind::if_then_else: type = check_if(expr, scope, expected); break;
        case ExprKind::exists:
        case ExprKind::is_absent: {
            TypeRef operand = check(*expr.args[0], scope, nullptr);
            if (!is_error(operand) && !operand->optional)
                diagnostics_.warning(expr.span, "'" + path_of(*expr.args[0]) +
                                                    "' is never absent, so this test always gives the same answer");
            type = boolean_type();
            break;
        }
        case ExprKind::quantifier: type = check_quantifier(expr, scope); break;
    }
    // A path tested with `exists` earlier in the same conjunction is present here.
    if (!is_error(type) && type->optional && (expr.kind == ExprKind::name || expr.kind == ExprKind::field) &&
        scope.present.count(path_of(expr)))
        type = as_optional(type, false);
    expr.type = type;
    return type;
}

}  // namespace frontdoor::dsl
