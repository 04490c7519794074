#include "dsl/parse_tree_to_ast.hpp"

#include "dsl/grammar.hpp"
#include "dsl/nesting_limit.hpp"
#include "dsl/parse_errors.hpp"
#include "dsl/scan_rule_text.hpp"
#include "engine/calendar/civil_time.hpp"

namespace frontdoor::dsl {

using namespace grammar;
using ast::ExprKind;

namespace {

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return std::string(text);
}

// An operator token's text: it carries the white space after it, and any comment there.
std::string operator_text(std::string_view text) { return std::string(text.substr(0, end_of_tokens(text))); }

const ParseNode* find_child(const ParseNode& node, auto predicate) {
    for (const auto& child : node.children)
        if (predicate(*child)) return child.get();
    return nullptr;
}

template <typename Rule>
const ParseNode* child_of(const ParseNode& node) {
    return find_child(node, [](const ParseNode& c) { return c.is_type<Rule>(); });
}

ast::ExprPtr make_expr(ExprKind kind, Span span) {
    auto expr = std::make_unique<ast::Expr>();
    expr->kind = kind;
    expr->span = span;
    return expr;
}

// A one-character span at the start of `span`: where a construct begins.
Span start_of(Span span) { return Span{span.file, span.begin, span.begin + 1}; }

int day_index(const std::string& day) {
    static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i)
        if (day == days[i]) return i;
    return -1;
}

}  // namespace

Span TreeConverter::span(const ParseNode& node) const {
    auto begin = static_cast<std::uint32_t>(node.m_begin.byte);
    // Tokens carry trailing white space and comments; a span ends where its last real token ends.
    return Span{file_, begin, begin + static_cast<std::uint32_t>(end_of_tokens(node.string_view()))};
}

std::string TreeConverter::unquote(const ParseNode& node) {
    std::string_view raw = node.string_view();
    std::string out;
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 2 < raw.size()) {
            char e = raw[++i];
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
            out += raw[i];
        }
    }
    return out;
}

std::int64_t TreeConverter::integer(const ParseNode& node) {
    std::int64_t value = 0;
    for (char c : node.string_view()) {
        if (c < '0' || c > '9') break;
        if (value > (INT64_MAX - 9) / 10) {
            diagnostics_.error(span(node), "this number is too large");
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

TypeExpr TreeConverter::type(const ParseNode& node) {
    TypeExpr out;
    out.span = span(node);
    const ParseNode& shape = *node.children.front();
    if (shape.is_type<list_type>() || shape.is_type<set_type>()) {
        out.kind = shape.is_type<list_type>() ? TypeExpr::Kind::list : TypeExpr::Kind::set;
        out.element = std::make_shared<TypeExpr>(type(*shape.children.front()));
    } else {
        out.name = trimmed(shape.children.front()->string_view());
    }
    out.nullable = child_of<nullable>(node) != nullptr;
    return out;
}

ast::Citation TreeConverter::citation(const ParseNode* node) {
    ast::Citation out;
    if (!node) return out;
    out.present = true;
    out.span = span(*node);
    out.text = unquote(*node->children.front());
    return out;
}

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
        if (++inner->depth > max_nesting_depth + 1) throw NestingTooDeep{start_of(where), nesting_message<too_deep_chain>()};
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
    expr->unit = word == "seconds" ? ast::DurationUnit::seconds
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

void TreeConverter::declaration(const ParseNode& node, ast::Pack& out) {
    if (node.is_type<pack_decl>()) pack(node, out);
    else if (node.is_type<calendar_decl>()) calendar(node, out);
    else if (node.is_type<enum_decl>()) enumeration(node, out);
    else if (node.is_type<record_decl>()) record(node, out);
    else if (node.is_type<input_decl>()) input(node, out);
    else if (node.is_type<let_decl>()) let(node, out);
    else if (node.is_type<decision_decl>()) decision(node, out);
    else if (node.is_type<table_decl>()) table(node, out);
    else if (node.is_type<output_decl>()) output(node, out);
}

void TreeConverter::pack(const ParseNode& node, ast::Pack& out) {
    ast::Manifest manifest;
    manifest.span = span(*node.children[0]);
    manifest.name = trimmed(node.children[0]->string_view());
    manifest.version = unquote(*node.children[1]);
    manifest.citation = citation(child_of<grammar::citation>(node));
    out.manifests.push_back(std::move(manifest));
}

void TreeConverter::calendar(const ParseNode& node, ast::Pack& out) {
    ast::Calendar calendar;
    calendar.span = span(*node.children[0]);
    calendar.name = trimmed(node.children[0]->string_view());
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& item = *node.children[i];
        if (item.is_type<timezone_item>()) {
            calendar.timezone = unquote(*item.children[0]);
            calendar.timezone_rule = unquote(*item.children[1]);
            calendar.timezone_span = span(*item.children[1]);
        } else if (item.is_type<holidays_item>()) {
            calendar.holidays.push_back({unquote(*item.children[0]), unquote(*item.children[1]), span(item), span(*item.children[0])});
        } else if (item.is_type<opening>()) {
            const ParseNode& range = *item.children[0];
            ast::OpeningHours hours{};
            hours.span = span(item);
            std::vector<int> days;
            for (const auto& day : range.children) {
                std::string word = trimmed(day->children.front()->string_view());
                int index = day_index(word);
                if (index < 0)
                    diagnostics_.error(span(*day), "unknown day '" + word + "'; expected monday, tuesday, wednesday, thursday, friday, saturday or sunday");
                days.push_back(index < 0 ? 0 : index);
            }
            hours.first_day = days.front();
            hours.last_day = days.back();
            auto seconds = [&](const ParseNode& t) {
                std::string_view text = t.string_view();
                int h = (text[0] - '0') * 10 + (text[1] - '0');
                int m = (text[3] - '0') * 10 + (text[4] - '0');
                if (h > 24 || m > 59 || (h == 24 && m != 0)) diagnostics_.error(span(t), "not a time of day: expected 00:00 to 24:00");
                return h * 3600 + m * 60;
            };
            hours.open_seconds = seconds(*item.children[1]);
            hours.close_seconds = seconds(*item.children[2]);
            calendar.opening.push_back(hours);
        }
    }
    out.calendars.push_back(std::move(calendar));
}

void TreeConverter::enumeration(const ParseNode& node, ast::Pack& out) {
    ast::Enum decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& member = *node.children[i]->children.front();
        decl.members.emplace_back(unquote(member), span(member));
    }
    out.enums.push_back(std::move(decl));
}

void TreeConverter::record(const ParseNode& node, ast::Pack& out) {
    ast::Record decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& field_node = *node.children[i];
        ast::Field field;
        field.name = trimmed(field_node.children[0]->string_view());
        field.span = span(*field_node.children[0]);
        for (std::size_t j = 1; j < field_node.children.size(); ++j) {
            const ParseNode& part = *field_node.children[j];
            if (part.is_type<optional_marker>()) field.optional = true;
            else if (part.is_type<type_expr>()) { field.type = type(part); field.type.optional = field.optional; }
            else if (part.is_type<matching_constraint>()) {
                field.matching = unquote(*part.children[0]);
                field.matching_span = span(*part.children[0]);
            }
            else if (part.is_type<length_constraint>()) field.length = std::make_pair(integer(*part.children[0]), integer(*part.children[1]));
            else if (part.is_type<at_most_constraint>()) field.at_most = integer(*part.children[0]);
            else if (part.is_type<unique_constraint>()) field.unique = true;
            else if (part.is_type<default_value>()) field.default_value = expression(*part.children[0]);
        }
        decl.fields.push_back(std::move(field));
    }
    out.records.push_back(std::move(decl));
}

void TreeConverter::input(const ParseNode& node, ast::Pack& out) {
    ast::Input decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    decl.type = type(*node.children[1]);
    for (std::size_t i = 2; i < node.children.size(); ++i) {
        const ParseNode& refusal_node = *node.children[i];
        ast::Refusal refusal;
        refusal.span = span(refusal_node);
        std::size_t at = 0;
        if (refusal_node.children[0]->is_type<each_binding>()) {
            const ParseNode& each = *refusal_node.children[0];
            refusal.each_variable = trimmed(each.children[0]->string_view());
            refusal.each_list = expression(*each.children[1]);
            at = 1;
        }
        refusal.condition = expression(*refusal_node.children[at]);
        refusal.at = expression(*refusal_node.children[at + 1]->children.front());
        refusal.because = unquote(*refusal_node.children[at + 2]->children.front());
        refusal.citation = citation(child_of<grammar::citation>(refusal_node));
        decl.refusals.push_back(std::move(refusal));
    }
    out.inputs.push_back(std::move(decl));
}

void TreeConverter::let(const ParseNode& node, ast::Pack& out) {
    ast::Let decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    std::size_t at = 1;
    if (node.children[1]->is_type<declared_type>()) {
        const ParseNode& declared = *node.children[1];
        decl.declared = type(*declared.children.back());
        decl.declared->optional = declared.children.size() > 1;
        at = 2;
    }
    decl.value = expression(*node.children[at]);
    decl.citation = citation(child_of<grammar::citation>(node));
    out.lets.push_back(std::move(decl));
}

void TreeConverter::decision(const ParseNode& node, ast::Pack& out) {
    ast::Decision decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    std::size_t at_type = node.children[1]->is_type<optional_marker>() ? 2 : 1;
    decl.type = type(*node.children[at_type]);
    decl.type.optional = at_type == 2;
    decl.policy = node.children[at_type + 1]->is_type<collect_policy>() ? ast::HitPolicy::collect : ast::HitPolicy::first_match;
    for (std::size_t i = at_type + 2; i < node.children.size(); ++i) {
        const ParseNode& row_node = *node.children[i];
        ast::Row row;
        row.span = span(row_node);
        std::size_t at = 0;
        if (row_node.is_type<each_row>()) {
            const ParseNode& each = *row_node.children[0];
            row.each_variable = trimmed(each.children[0]->string_view());
            row.each_list = expression(*each.children[1]);
            at = 1;
        }
        row.value = expression(*row_node.children[at]);
        for (std::size_t j = at + 1; j < row_node.children.size(); ++j) {
            const ParseNode& part = *row_node.children[j];
            if (part.is_type<row_condition>()) row.condition = expression(*part.children.front());
            else if (part.is_type<row_otherwise>()) row.otherwise = true;
            else if (part.is_type<grammar::citation>()) row.citation = citation(&part);
        }
        decl.rows.push_back(std::move(row));
    }
    out.decisions.push_back(std::move(decl));
}

void TreeConverter::table(const ParseNode& node, ast::Pack& out) {
    ast::Table decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    decl.key_type = type(*node.children[1]);
    decl.value_type = type(*node.children[2]);
    for (std::size_t i = 3; i < node.children.size(); ++i) {
        const ParseNode& entry_node = *node.children[i];
        ast::TableEntry entry;
        entry.span = span(entry_node);
        if (!entry_node.children[0]->is_type<row_otherwise>()) entry.key = expression(*entry_node.children[0]);
        entry.value = expression(*entry_node.children[1]);
        entry.citation = citation(child_of<grammar::citation>(entry_node));
        decl.entries.push_back(std::move(entry));
    }
    out.tables.push_back(std::move(decl));
}

void TreeConverter::output(const ParseNode& node, ast::Pack& out) {
    ast::Output decl;
    decl.span = span(node);
    decl.times_in = trimmed(node.children[0]->string_view());
    decl.times_span = span(*node.children[0]);
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& field = *node.children[i];
        decl.fields.push_back({trimmed(field.children[0]->string_view()), span(*field.children[0]), expression(*field.children[1])});
    }
    out.outputs.push_back(std::move(decl));
}

}  // namespace frontdoor::dsl
