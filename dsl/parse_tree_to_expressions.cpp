// Expressions from the parse tree, each within the nesting limit (dsl/nesting_limit.hpp).
#include "dsl/parse_tree_nodes.hpp"

#include "dsl/grammar.hpp"
#include "dsl/nesting_limit.hpp"
#include "dsl/parse_errors.hpp"
#include "dsl/scan_rule_text.hpp"
#include "engine/calendar/civil_time.hpp"

namespace frontdoor::dsl {

using namespace grammar;
using ast::ExprKind;

namespace {

// An operator token's text: it carries the white space after it, and any comment there.
std::string operator_text(std::string_view text) { return std::string(text.substr(0, end_of_tokens(text))); }

ast::ExprPtr make_expr(ExprKind kind, Span span) {
    auto expr = std::make_unique<ast::Expr>();
    expr->kind = kind;
    expr->span = span;
    return expr;
}

// A one-character span at the start of `span`: where a construct begins.
Span start_of(Span span) { return Span{span.file, span.begin, span.begin + 1}; }

}  // namespace

ast::ExprPtr TreeConverter::nested(ast::ExprPtr expr, Span at) const {
    expr->depth = depth_of(*expr);
    if (expr->depth > max_nesting_depth + 1) throw NestingTooDeep{at, nesting_message<too_deep_chain>()};
    return expr;
}

ast::ExprPtr TreeConverter::expression(const ParseNode& node) {
    if (node.is_type<grammar::expression>() || node.is_type<conjunction>() || node.is_type<additive>())
        return binary_chain(node);
    if (node.is_type<negation>()) {
        if (node.children.size() == 2) {
            auto expr = make_expr(ExprKind::unary, span(node));
            expr->text = "not";
            expr->args.push_back(expression(*node.children[1]));
            Span at = start_of(expr->span);
            return nested(std::move(expr), at);
        }
        return expression(*node.children.front());
    }
    if (node.is_type<grammar::comparison>()) return comparison(node);
    if (node.is_type<negate>()) {
        auto expr = make_expr(ExprKind::unary, span(node));
        expr->text = "-";
        expr->args.push_back(expression(*node.children.front()));
        Span at = start_of(expr->span);
        return nested(std::move(expr), at);
    }
    if (node.is_type<postfix>()) {
        ast::ExprPtr expr = primary(*node.children.front());
        const std::uint32_t begin = span(node).begin;
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            const ParseNode& name_node = *node.children[i]->children.front();
            auto access = make_expr(ExprKind::field, Span{file_, begin, span(name_node).end});
            access->text = trimmed(name_node.string_view());
            access->args.push_back(std::move(expr));
            expr = nested(std::move(access), span(name_node));
        }
        return expr;
    }
    return primary(node);
}

// `a or b or c`, `a and b`, `a + b - c`: left-associative chains of one precedence level.
// The span of every expression built from operands comes from the parse nodes, not from the
// operands' expressions: a bracketed operand's expression spans only what is inside its brackets,
// and `a and (b or c)` must span its closing bracket too.
ast::ExprPtr TreeConverter::binary_chain(const ParseNode& node) {
    ast::ExprPtr left = expression(*node.children.front());
    // Each operator adds a level to the tree, which nested() bounds.
    const std::uint32_t begin = span(node).begin;
    for (std::size_t i = 1; i + 1 < node.children.size(); i += 2) {
        ast::ExprPtr right = expression(*node.children[i + 1]);
        auto expr = make_expr(ExprKind::binary, Span{file_, begin, span(*node.children[i + 1]).end});
        std::string op = operator_text(node.children[i]->string_view());
        expr->text = op;
        expr->args.push_back(std::move(left));
        expr->args.push_back(std::move(right));
        left = nested(std::move(expr), span(*node.children[i]));
    }
    return left;
}

ast::ExprPtr TreeConverter::comparison(const ParseNode& node) {
    ast::ExprPtr left = expression(*node.children.front());
    if (node.children.size() == 1) return left;
    const ParseNode& op = *node.children[1];
    if (op.is_type<exists_op>() || op.is_type<is_absent_op>()) {
        auto expr = make_expr(op.is_type<exists_op>() ? ExprKind::exists : ExprKind::is_absent, span(node));
        expr->args.push_back(std::move(left));
        return nested(std::move(expr), span(op));
    }
    ast::ExprPtr right = expression(*node.children[2]);
    auto expr = make_expr(ExprKind::binary, span(node));
    expr->text = op.is_type<not_in_op>() ? "not in" : op.is_type<in_op>() ? "in" : operator_text(op.string_view());
    expr->args.push_back(std::move(left));
    expr->args.push_back(std::move(right));
    return nested(std::move(expr), span(op));
}

ast::ExprPtr TreeConverter::primary(const ParseNode& node) {
    Span where = span(node);
    if (node.is_type<parenthesised>()) {
        // Brackets leave no node of their own, but count as a level as written, like the parser counts them.
        ast::ExprPtr inner = expression(*node.children.front());
        if (++inner->depth > max_nesting_depth + 1)
            throw NestingTooDeep{start_of(where), nesting_message<too_deep_chain>()};
        return inner;
    }
    if (node.is_type<name_ref>()) {
        auto expr = make_expr(ExprKind::name, where);
        expr->text = trimmed(node.children.front()->string_view());
        return expr;
    }
    if (node.is_type<integer_lit>()) {
        auto expr = make_expr(ExprKind::integer, where);
        expr->number = integer(node);
        return expr;
    }
    if (node.is_type<string_lit>()) {
        auto expr = make_expr(ExprKind::text, where);
        expr->text = unquote(node);
        return expr;
    }
    if (node.is_type<true_lit>() || node.is_type<false_lit>()) {
        auto expr = make_expr(ExprKind::boolean, where);
        expr->number = node.is_type<true_lit>() ? 1 : 0;
        return expr;
    }
    if (node.is_type<absent_lit>()) return make_expr(ExprKind::absent, where);
    if (node.is_type<duration_lit>()) return duration(node);
    if (node.is_type<date_lit>()) return literal_time(node, ExprKind::date);
    if (node.is_type<datetime_lit>()) return literal_time(node, ExprKind::datetime);
    if (node.is_type<grammar::quantifier>()) return quantifier(node);
    if (node.is_type<if_then_else>()) {
        auto expr = make_expr(ExprKind::if_then_else, where);
        for (const auto& child : node.children) expr->args.push_back(expression(*child));
        return nested(std::move(expr), start_of(where));
    }
    if (node.is_type<call>()) {
        auto expr = make_expr(ExprKind::call, where);
        expr->text = trimmed(node.children.front()->string_view());
        for (std::size_t i = 1; i < node.children.size(); ++i) expr->args.push_back(expression(*node.children[i]));
        return nested(std::move(expr), start_of(where));
    }
    if (node.is_type<list_lit>()) {
        auto expr = make_expr(ExprKind::list, where);
        for (const auto& child : node.children) expr->args.push_back(expression(*child));
        return nested(std::move(expr), start_of(where));
    }
    if (node.is_type<record_lit>()) {
        auto expr = make_expr(ExprKind::record, where);
        for (const auto& field : node.children) {
            expr->fields.emplace_back(trimmed(field->children[0]->string_view()), expression(*field->children[1]));
            expr->field_spans.push_back(span(*field->children[0]));
        }
        return nested(std::move(expr), start_of(where));
    }
    return expression(node);
}

ast::ExprPtr TreeConverter::quantifier(const ParseNode& node) {
    auto expr = make_expr(ExprKind::quantifier, span(node));
    expr->text = trimmed(node.children[0]->string_view());
    expr->variable = trimmed(node.children[1]->string_view());
    expr->args.push_back(expression(*node.children[2]));
    for (std::size_t i = 3; i < node.children.size(); ++i) {
        const ParseNode& part = *node.children[i];
        if (part.is_type<where_clause>()) {
            expr->has_where = true;
            expr->args.push_back(expression(*part.children.front()));
        } else {
            for (const auto& key : part.children) expr->keys.push_back(expression(*key));
        }
    }
    Span at = start_of(expr->span);
    return nested(std::move(expr), at);
}

ast::ExprPtr TreeConverter::duration(const ParseNode& node) {
    auto expr = make_expr(ExprKind::duration, span(node));
    expr->number = integer(*node.children[0]);
    const ParseNode& unit = *node.children[1];
    if (unit.is_type<working_days>()) {
        expr->unit = ast::DurationUnit::working_days;
        expr->calendar = trimmed(unit.children.front()->string_view());
        return expr;
    }
    std::string word = trimmed(unit.string_view());
    if (word.back() != 's') word += 's';
    expr->unit = word == "seconds"   ? ast::DurationUnit::seconds
                 : word == "minutes" ? ast::DurationUnit::minutes
                 : word == "hours"   ? ast::DurationUnit::hours
                 : word == "days"    ? ast::DurationUnit::days
                                     : ast::DurationUnit::months;
    return expr;
}

ast::ExprPtr TreeConverter::literal_time(const ParseNode& node, ExprKind kind) {
    auto expr = make_expr(kind, span(node));
    expr->text = unquote(*node.children.front());
    std::string why;
    if (kind == ExprKind::date) {
        if (auto day = time::parse_date(expr->text, &why)) expr->number = *day;
        else diagnostics_.error(span(*node.children.front()), why);
    } else {
        if (auto instant = time::parse_datetime(expr->text, &why)) expr->number = *instant;
        else diagnostics_.error(span(*node.children.front()), why);
    }
    return expr;
}

}  // namespace frontdoor::dsl
