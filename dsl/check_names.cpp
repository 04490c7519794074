// Checking names and field reads: locals, definitions, calendars and the input, and their fields.
#include "dsl/check_expression.hpp"

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

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
        diagnostics_.error(expr.span, "'." + expr.text + "' reads a field, but " + path_of(*expr.args[0]) + " is " +
                                          describe_one(base) + ", not a record");
        return error_type();
    }
    const RecordInfo& record = pack_.records[base->decl];
    int index = record.index_of(expr.text);
    if (index < 0) {
        report_unknown_field(expr.span, record, expr.text);
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

}  // namespace frontdoor::dsl
