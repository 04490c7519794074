// Checking literals that take their type from where they stand: a text that names an enumeration
// member, a list, a record.
#include "dsl/check_expression.hpp"

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

TypeRef Checker::check_text(Expr& expr, const TypeRef& expected) {
    if (!expected || is_error(expected)) return make_type(TypeKind::text);
    TypeRef target = expected;
    if ((target->kind == TypeKind::list || target->kind == TypeKind::set) && target->element) target = target->element;
    if (target->kind != TypeKind::enumeration) return make_type(TypeKind::text);
    const EnumInfo& info = pack_.enums[target->decl];
    int member = info.index_of(expr.text);
    if (member < 0) {
        diagnostics_.error(expr.span, "\"" + expr.text + "\" is not " + with_article(info.name) +
                                          did_you_mean(expr.text, info.declared));
        return error_type();
    }
    expr.resolved.enum_member = member;
    return as_optional(target, false);
}

TypeRef Checker::check_list(Expr& expr, Scope& scope, const TypeRef& expected) {
    TypeRef element =
        expected && !is_error(expected) && (expected->kind == TypeKind::list || expected->kind == TypeKind::set)
            ? expected->element
            : nullptr;
    TypeKind kind = expected && !is_error(expected) && expected->kind == TypeKind::set ? TypeKind::set : TypeKind::list;
    for (auto& item : expr.args) {
        TypeRef t = check(*item, scope, element);
        if (is_error(t)) return t;
        if (!element) element = as_optional(t, false);
        else expect(*item, t, element, "every item of this list");
    }
    if (!element) {
        diagnostics_.error(expr.span,
                           "cannot tell what this empty list holds; declare the type, e.g. 'let x: list of text = []'");
        return error_type();
    }
    return make_collection(kind, element);
}

TypeRef Checker::check_record(Expr& expr, Scope& scope, const TypeRef& expected) {
    if (!expected || is_error(expected) || expected->kind != TypeKind::record) {
        if (!expected || !is_error(expected))
            diagnostics_.error(expr.span,
                               "a record value needs a declared record type here (give the let or decision a type)");
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
            report_unknown_field(expr.field_spans[i], record, name);
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
            diagnostics_.error(expr.span,
                               "this " + record.name + " lacks the field '" + field.name + "', which is not optional");
    }
    return as_optional(expected, false);
}

}  // namespace frontdoor::dsl
