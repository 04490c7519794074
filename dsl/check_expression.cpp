// Type checking of expressions. Every rule the language has about what may be compared, added or
// read lives here; each error is made from the expression so that the caret points at it.
#include "dsl/builtin_functions.hpp"
#include "dsl/checker.hpp"
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

TypeRef error_type() { return make_type(TypeKind::error); }
TypeRef boolean_type() { return make_type(TypeKind::boolean); }

// A value of `type` may be used where `wanted` is expected.
bool fits(const TypeRef& type, const TypeRef& wanted) {
    if (is_error(type) || is_error(wanted)) return true;
    if (type->kind == TypeKind::absent) return wanted->optional;
    if (type->optional && !wanted->optional) return false;
    if ((type->kind == TypeKind::list || type->kind == TypeKind::set) && type->kind == wanted->kind)
        return !type->element || fits(type->element, wanted->element);
    return same_shape(type, wanted);
}

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
        {"and", Op::logical_and}, {"or", Op::logical_or}, {"+", Op::add}, {"-", Op::subtract}, {"=", Op::equal},
        {"!=", Op::not_equal}, {"<", Op::less}, {"<=", Op::less_equal}, {">", Op::greater}, {">=", Op::greater_equal},
        {"in", Op::member}, {"not in", Op::not_member}};
    auto it = ops.find(text);
    return it == ops.end() ? Op::none : it->second;
}

bool orderable(const TypeRef& type) {
    return type->kind == TypeKind::integer || type->kind == TypeKind::date || type->kind == TypeKind::datetime ||
           type->kind == TypeKind::text || (type->kind == TypeKind::duration && type->duration == DurationClass::elapsed);
}

}  // namespace

bool Checker::expect(const Expr& expr, const TypeRef& type, const TypeRef& wanted, const std::string& what) {
    if (fits(type, wanted)) return true;
    std::string hint;
    if (type->optional && !wanted->optional && same_shape(type, wanted))
        hint = "; it may be absent, so say what happens then (e.g. 'X exists and ...', or first_present(X, fallback))";
    diagnostics_.error(expr.span, what + " must be " + describe(wanted) + ", but this is " + describe(type) + hint);
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
                    diagnostics_.error(expr.span, "unknown calendar '" + expr.calendar + "'" + did_you_mean(expr.calendar, names));
                    type = error_type();
                } else {
                    expr.resolved.index = calendar->second;
                }
                if (expr.number < 1) diagnostics_.error(expr.span, "count working days from 1: day 0 is the day the clock starts");
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
                diagnostics_.warning(expr.span, "'" + path_of(*expr.args[0]) + "' is never absent, so this test always gives the same answer");
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

TypeRef Checker::check_text(Expr& expr, const TypeRef& expected) {
    if (!expected || is_error(expected)) return make_type(TypeKind::text);
    TypeRef target = expected;
    if ((target->kind == TypeKind::list || target->kind == TypeKind::set) && target->element) target = target->element;
    if (target->kind != TypeKind::enumeration) return make_type(TypeKind::text);
    const EnumInfo& info = pack_.enums[target->decl];
    int member = info.index_of(expr.text);
    if (member < 0) {
        diagnostics_.error(expr.span, "\"" + expr.text + "\" is not a " + info.name + did_you_mean(expr.text, info.declared));
        return error_type();
    }
    expr.resolved.enum_member = member;
    return as_optional(target, false);
}

TypeRef Checker::check_name(Expr& expr, Scope& scope) {
    for (auto it = scope.locals.rbegin(); it != scope.locals.rend(); ++it) {
        if (it->first == expr.text) {
            expr.resolved.kind = ast::NameKind::local;
            expr.resolved.index = it->second.first;
            return it->second.second;
        }
    }
    if (!pack_.input_name.empty() && expr.text == pack_.input_name) {
        expr.resolved.kind = ast::NameKind::input;
        return make_named(TypeKind::record, pack_.input_record, pack_.records[pack_.input_record].name);
    }
    if (auto it = pack_.definition_by_name.find(expr.text); it != pack_.definition_by_name.end()) {
        expr.resolved.kind = ast::NameKind::definition;
        expr.resolved.index = it->second;
        if (reads_) reads_->push_back(it->second);
        if (pack_.definitions[it->second].kind == DefinitionKind::table) {
            diagnostics_.error(expr.span, "'" + expr.text + "' is a table: look a key up with " + expr.text + "(key)");
            return error_type();
        }
        return definition_type(it->second, expr.span);
    }
    if (auto it = pack_.calendar_by_name.find(expr.text); it != pack_.calendar_by_name.end()) {
        expr.resolved.kind = ast::NameKind::calendar;
        expr.resolved.index = it->second;
        return make_type(TypeKind::calendar);
    }
    if (declared_but_unparsed(expr.text)) return error_type();  // its syntax error is reported
    diagnostics_.error(expr.span, "unknown name '" + expr.text + "'" + did_you_mean(expr.text, visible_names(scope)));
    return error_type();
}

TypeRef Checker::check_field(Expr& expr, Scope& scope) {
    TypeRef base = check(*expr.args[0], scope, nullptr);
    if (is_error(base)) return base;
    if (base->kind != TypeKind::record) {
        diagnostics_.error(expr.span, "'." + expr.text + "' reads a field, but " + path_of(*expr.args[0]) + " is " + describe(base) + ", not a record");
        return error_type();
    }
    const RecordInfo& record = pack_.records[base->decl];
    int index = record.index_of(expr.text);
    if (index < 0) {
        std::vector<std::string> names;
        for (const auto& f : record.fields) names.push_back(f.name);
        diagnostics_.error(expr.span, "a " + record.name + " has no field '" + expr.text + "'" + did_you_mean(expr.text, names));
        return error_type();
    }
    expr.resolved.field_index = index;
    const Expr& parent = *expr.args[0];
    if (parent.kind == ExprKind::name || parent.kind == ExprKind::field) {
        expr.resolved.kind = parent.resolved.kind;
        expr.resolved.index = parent.resolved.index;
        expr.resolved.field_path = parent.resolved.field_path;
        expr.resolved.field_path.push_back(index);
    }
    TypeRef field = record.fields[index].type;
    return as_optional(field, field->optional || base->optional);
}

TypeRef Checker::check_call(Expr& expr, Scope& scope) {
    if (auto it = pack_.definition_by_name.find(expr.text);
        it != pack_.definition_by_name.end() && pack_.definitions[it->second].kind == DefinitionKind::table) {
        expr.resolved.builtin = ast::Builtin::table_lookup;
        expr.resolved.index = it->second;
        if (reads_) reads_->push_back(it->second);
        const ast::Table& table = pack_.syntax.tables[pack_.definitions[it->second].syntax_index];
        TypeRef key = resolve(table.key_type);
        if (expr.args.size() != 1) {
            diagnostics_.error(expr.span, "table '" + expr.text + "' takes one key, but " + std::to_string(expr.args.size()) + " are given");
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
            diagnostics_.error(expr.span, expr.text + " takes one list, or '" + expr.text + "(x in list where condition)'");
            return error_type();
        }
        TypeRef list = check(*expr.args[0], scope, nullptr);
        if (!is_error(list) && list->kind != TypeKind::list && list->kind != TypeKind::set)
            diagnostics_.error(expr.args[0]->span, expr.text + " needs a list, but this is " + describe(list));
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
            diagnostics_.error(expr.args[i]->span, "argument " + std::to_string(i + 1) + " of " + expr.text + " must be " +
                                                       (params[i] == TypeKind::calendar ? std::string("a calendar name") : describe(wanted)) +
                                                       ", but this is " + describe(arg));
            return error_type();
        }
        if (!expect_present(*expr.args[i], arg, "argument " + std::to_string(i + 1) + " of " + expr.text)) return error_type();
    }
    return make_type(*function->result);
}

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
            diagnostics_.error(expr.span, "a datetime moves by hours, minutes, seconds or working days; for days or months use a date (local_date(...))");
        else
            diagnostics_.error(expr.span, "a duration can only be added to a date or a datetime, not to " + describe(left));
        return error_type();
    }
    diagnostics_.error(expr.span, "cannot " + std::string(add ? "add " : "subtract ") + describe(right) + (add ? " to " : " from ") + describe(left));
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
        TypeRef right = check(right_expr, scope, left && !is_error(left) ? make_collection(TypeKind::list, as_optional(left, false)) : nullptr);
        if (is_error(right)) return boolean_type();
        if (right->kind != TypeKind::list && right->kind != TypeKind::set) {
            diagnostics_.error(right_expr.span, "'" + expr.text + "' needs a list or set on its right, but this is " + describe(right));
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
        diagnostics_.error(expr.span, "to test for absence write 'X is absent' or 'X exists', not a comparison with absent");
        return boolean_type();
    }
    if (!same_shape(left, right)) {
        diagnostics_.error(expr.span, "cannot compare " + describe(left) + " with " + describe(right));
        return boolean_type();
    }
    if (op != Op::equal && op != Op::not_equal) {
        if (!orderable(left)) {
            diagnostics_.error(expr.span, "'" + expr.text + "' orders numbers, dates, times and text, not " + describe(left));
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
    TypeRef else_type = check(*expr.args[2], scope, then_type && then_type->kind != TypeKind::absent ? then_type : expected);
    if (is_error(then_type) || is_error(else_type)) return error_type();
    if (then_type->kind == TypeKind::absent && else_type->kind == TypeKind::absent) return then_type;
    if (then_type->kind == TypeKind::absent) return as_optional(else_type);
    if (else_type->kind == TypeKind::absent) return as_optional(then_type);
    if (!same_shape(then_type, else_type)) {
        diagnostics_.error(expr.span, "the two branches of 'if' differ: " + describe(then_type) + " and " + describe(else_type));
        return error_type();
    }
    return as_optional(then_type, then_type->optional || else_type->optional);
}

TypeRef Checker::check_list(Expr& expr, Scope& scope, const TypeRef& expected) {
    TypeRef element = expected && !is_error(expected) && (expected->kind == TypeKind::list || expected->kind == TypeKind::set) ? expected->element : nullptr;
    TypeKind kind = expected && !is_error(expected) && expected->kind == TypeKind::set ? TypeKind::set : TypeKind::list;
    for (auto& item : expr.args) {
        TypeRef t = check(*item, scope, element);
        if (is_error(t)) return t;
        if (!element) element = as_optional(t, false);
        else expect(*item, t, element, "every item of this list");
    }
    if (!element) {
        diagnostics_.error(expr.span, "cannot tell what this empty list holds; declare the type, e.g. 'let x: list of text = []'");
        return error_type();
    }
    return make_collection(kind, element);
}

TypeRef Checker::check_record(Expr& expr, Scope& scope, const TypeRef& expected) {
    if (!expected || is_error(expected) || expected->kind != TypeKind::record) {
        if (!expected || !is_error(expected))
            diagnostics_.error(expr.span, "a record value needs a declared record type here (give the let or decision a type)");
        for (auto& [name, value] : expr.fields) check(*value, scope, nullptr);
        return error_type();
    }
    const RecordInfo& record = pack_.records[expected->decl];
    std::vector<bool> given(record.fields.size(), false);
    expr.resolved.field_indices.assign(expr.fields.size(), -1);
    for (std::size_t i = 0; i < expr.fields.size(); ++i) {
        auto& [name, value] = expr.fields[i];
        int index = record.index_of(name);
        expr.resolved.field_indices[i] = index;
        if (index < 0) {
            std::vector<std::string> names;
            for (const auto& f : record.fields) names.push_back(f.name);
            diagnostics_.error(expr.field_spans[i], "a " + record.name + " has no field '" + name + "'" + did_you_mean(name, names));
            check(*value, scope, nullptr);
            continue;
        }
        if (given[index]) diagnostics_.error(expr.field_spans[i], "the field '" + name + "' is given twice");
        given[index] = true;
        const FieldInfo& field = record.fields[index];
        TypeRef wanted = as_optional(field.value_type, field.may_be_omitted || field.nullable);
        TypeRef t = check(*value, scope, wanted);
        expect(*value, t, wanted, "the field '" + name + "'");
    }
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const FieldInfo& field = record.fields[i];
        if (!given[i] && !field.may_be_omitted && !field.nullable)
            diagnostics_.error(expr.span, "this " + record.name + " lacks the field '" + field.name + "', which is not optional");
    }
    return as_optional(expected, false);
}

TypeRef Checker::check_quantifier(Expr& expr, Scope& scope) {
    static const std::map<std::string, ast::Quantifier> words = {
        {"any", ast::Quantifier::any}, {"all", ast::Quantifier::all}, {"count", ast::Quantifier::count},
        {"filter", ast::Quantifier::filter}, {"latest", ast::Quantifier::latest}, {"earliest", ast::Quantifier::earliest}};
    ast::Quantifier q = words.at(expr.text);
    expr.resolved.quantifier = q;
    TypeRef list = check(*expr.args[0], scope, nullptr);
    if (is_error(list)) return list;
    if (list->kind != TypeKind::list && list->kind != TypeKind::set) {
        diagnostics_.error(expr.args[0]->span, expr.text + " needs a list after 'in', but this is " + describe(list));
        return error_type();
    }
    expect_present(*expr.args[0], list, "the list");
    Scope inner = scope;
    expr.resolved.index = bind_local(inner, expr.variable, list->element);
    if (expr.has_where) {
        TypeRef condition = check(*expr.args[1], inner, boolean_type());
        expect(*expr.args[1], condition, boolean_type(), "the condition after 'where'");
    } else if (q == ast::Quantifier::any || q == ast::Quantifier::all || q == ast::Quantifier::filter) {
        diagnostics_.error(expr.span, expr.text + " needs a condition: " + expr.text + "(" + expr.variable + " in ... where <condition>)");
    }
    bool ordered = q == ast::Quantifier::latest || q == ast::Quantifier::earliest;
    if (ordered && expr.keys.empty())
        diagnostics_.error(expr.span, expr.text + " needs 'by <key>' to say what makes one item later than another");
    if (!ordered && !expr.keys.empty()) diagnostics_.error(expr.keys.front()->span, "'by' belongs only to latest and earliest");
    for (auto& key : expr.keys) {
        TypeRef k = check(*key, inner, nullptr);
        if (!is_error(k) && (!orderable(k) || k->optional))
            diagnostics_.error(key->span, "a 'by' key must be a number, date, time or text that is always present, not " + describe(k));
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
