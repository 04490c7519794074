// Checking calls: a table lookup, or a built-in function (dsl/builtin_functions.hpp).
#include "dsl/builtin_functions.hpp"
#include "dsl/check_expression.hpp"

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

TypeRef Checker::check_call(Expr& expr, Scope& scope) {
    if (auto it = pack_.definition_by_name.find(expr.text);
        it != pack_.definition_by_name.end() && pack_.definitions[it->second].kind == DefinitionKind::table) {
        expr.resolved.builtin = ast::Builtin::table_lookup;
        expr.resolved.index = it->second;
        if (reads_) reads_->push_back(it->second);
        const ast::Table& table = pack_.syntax.tables[pack_.definitions[it->second].syntax_index];
        TypeRef key = resolve(table.key_type);
        if (expr.args.size() != 1) {
            diagnostics_.error(expr.span, "table '" + expr.text + "' takes one key, but " +
                                              std::to_string(expr.args.size()) + " are given");
            return error_type();
        }
        TypeRef arg = check(*expr.args[0], scope, key);
        expect(*expr.args[0], arg, key, "the key of table '" + expr.text + "'");
        return definition_type(it->second, expr.span);
    }
    const BuiltinFunction* function = find_builtin_function(expr.text);
    if (!function) {
        std::vector<std::string> names;
        for (const BuiltinFunction& builtin : builtin_functions()) names.emplace_back(builtin.name);
        for (const auto& [name, slot] : pack_.definition_by_name)
            if (pack_.definitions[slot].kind == DefinitionKind::table) names.push_back(name);
        diagnostics_.error(expr.span, "unknown function or table '" + expr.text + "'" + did_you_mean(expr.text, names));
        return error_type();
    }
    expr.resolved.builtin = function->builtin;
    if (function->arguments == ArgumentRule::two_or_more_of_a_type) {
        if (expr.args.size() < 2) {
            diagnostics_.error(expr.span, expr.text + " needs at least two values: the first that is present is taken");
            return error_type();
        }
        TypeRef result;
        bool all_optional = true;
        for (auto& arg : expr.args) {
            TypeRef t = check(*arg, scope, result);
            if (is_error(t)) return t;
            if (!result && t->kind != TypeKind::absent) result = as_optional(t, false);
            else if (result) expect(*arg, as_optional(t, false), result, "every value of " + expr.text);
            all_optional = all_optional && t->optional;
        }
        return result ? as_optional(result, all_optional) : error_type();
    }
    if (function->arguments == ArgumentRule::one_collection) {
        if (expr.args.size() != 1) {
            diagnostics_.error(expr.span,
                               expr.text + " takes one list, or '" + expr.text + "(x in list where condition)'");
            return error_type();
        }
        TypeRef list = check(*expr.args[0], scope, nullptr);
        if (!is_error(list) && list->kind != TypeKind::list && list->kind != TypeKind::set)
            diagnostics_.error(expr.args[0]->span, expr.text + " needs a list, but this is " + describe_one(list));
        expect_present(*expr.args[0], list, "the list");
        return make_type(*function->result);
    }
    const std::span<const TypeKind> params = function->params;
    if (expr.args.size() != params.size()) {
        diagnostics_.error(expr.span, expr.text + " takes " + std::to_string(params.size()) + " arguments, but " +
                                          std::to_string(expr.args.size()) + " are given");
        return error_type();
    }
    for (std::size_t i = 0; i < expr.args.size(); ++i) {
        TypeRef arg = check(*expr.args[i], scope, nullptr);
        if (is_error(arg)) return arg;
        TypeRef wanted = params[i] == TypeKind::calendar ? make_type(TypeKind::calendar) : make_type(params[i]);
        if (arg->kind != params[i]) {
            diagnostics_.error(
                expr.args[i]->span,
                "argument " + std::to_string(i + 1) + " of " + expr.text + " must be " +
                    (params[i] == TypeKind::calendar ? std::string("a calendar name") : describe_one(wanted)) +
                    ", but this is " + describe_one(arg));
            return error_type();
        }
        if (!expect_present(*expr.args[i], arg, "argument " + std::to_string(i + 1) + " of " + expr.text))
            return error_type();
    }
    return make_type(*function->result);
}

}  // namespace frontdoor::dsl
