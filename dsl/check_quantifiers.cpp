// Checking quantifiers: any, all, count, filter, latest and earliest, each binding a name.
#include "dsl/check_expression.hpp"

#include <map>

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

TypeRef Checker::check_quantifier(Expr& expr, Scope& scope) {
    static const std::map<std::string, ast::Quantifier> words = {
        {"any", ast::Quantifier::any},       {"all", ast::Quantifier::all},
        {"count", ast::Quantifier::count},   {"filter", ast::Quantifier::filter},
        {"latest", ast::Quantifier::latest}, {"earliest", ast::Quantifier::earliest}};
    ast::Quantifier q = words.at(expr.text);
    expr.resolved.quantifier = q;
    TypeRef list = check(*expr.args[0], scope, nullptr);
    if (is_error(list)) return list;
    if (list->kind != TypeKind::list && list->kind != TypeKind::set) {
        diagnostics_.error(expr.args[0]->span,
                           expr.text + " needs a list after 'in', but this is " + describe_one(list));
        return error_type();
    }
    expect_present(*expr.args[0], list, "the list");
    Scope inner = scope;
    expr.resolved.index = bind_local(inner, expr.variable, list->element);
    if (expr.has_where) {
        TypeRef condition = check(*expr.args[1], inner, boolean_type());
        expect(*expr.args[1], condition, boolean_type(), "the condition after 'where'");
    } else if (q == ast::Quantifier::any || q == ast::Quantifier::all || q == ast::Quantifier::filter) {
        diagnostics_.error(expr.span, expr.text + " needs a condition: " + expr.text + "(" + expr.variable +
                                          " in ... where <condition>)");
    }
    bool ordered = q == ast::Quantifier::latest || q == ast::Quantifier::earliest;
    if (ordered && expr.keys.empty())
        diagnostics_.error(expr.span, expr.text + " needs 'by <key>' to say what makes one item later than another");
    if (!ordered && !expr.keys.empty())
        diagnostics_.error(expr.keys.front()->span, "'by' belongs only to latest and earliest");
    for (auto& key : expr.keys) {
        TypeRef k = check(*key, inner, nullptr);
        if (!is_error(k) && (!orderable(k) || k->optional))
            diagnostics_.error(
                key->span,
                "a 'by' key must be a number, date, time or text that is always present, not " + describe_one(k));
    }
    switch (q) {
        case ast::Quantifier::any:
        case ast::Quantifier::all: return boolean_type();
        case ast::Quantifier::count: return make_type(TypeKind::integer);
        case ast::Quantifier::filter: return as_optional(list, false);
        default: return as_optional(list->element, true);
    }
}

}  // namespace frontdoor::dsl
