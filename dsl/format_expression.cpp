// Expressions in their canonical layout: one space around operators, parentheses only where the
// grammar needs them, and, when a line would run past the page, breaks only where the flat form has
// a space (so an explanation, which quotes a condition with its white space collapsed, reads the
// same whichever way the condition was laid out).
#include "dsl/format_layout.hpp"
#include "dsl/grammar.hpp"

#include <string_view>

namespace frontdoor::dsl::format {

using ast::Expr;
using ast::ExprKind;

namespace {

// How tightly an expression binds, from the grammar: or < and < not < comparisons < + - < unary
// minus < field reads and primaries. `if` binds loosest of all: its `else` takes everything after it.
int precedence(const Expr& expr) {
    switch (expr.kind) {
        case ExprKind::binary: {
            const std::string& op = expr.text;
            if (op == "or") return 1;
            if (op == "and") return 2;
            if (op == "+" || op == "-") return 5;
            return 4;
        }
        case ExprKind::unary: return expr.text == "not" ? 3 : 6;
        case ExprKind::exists:
        case ExprKind::is_absent: return 4;
        case ExprKind::if_then_else: return 0;
        default: return 7;
    }
}

bool is_chain(const Expr& expr) {
    int level = precedence(expr);
    return expr.kind == ExprKind::binary && (level == 1 || level == 2 || level == 5);
}

std::string duration_text(const Expr& expr) {
    static const char* const units[] = {"second", "minute", "hour", "day", "month"};
    std::string out = std::to_string(expr.number);
    std::string plural = expr.number == 1 ? "" : "s";
    if (expr.unit == ast::DurationUnit::working_days) return out + " working day" + plural + " of " + expr.calendar;
    return out + " " + units[static_cast<int>(expr.unit)] + plural;
}

// Whether the grammar's `Rule` matches at the start of `text`, with its own word boundaries: the
// guards below ask the parser itself what a layout would read as, rather than keep a second list.
template <typename Rule>
bool starts_as(std::string_view text) {
    tao::pegtl::memory_input input(text.data(), text.size(), "");
    return tao::pegtl::parse<Rule>(input);
}

// A row or table entry must not start with '-' (the row before would read it as a subtraction) or
// with a word that opens a declaration (`partition`, `input`, ... as a definition's name).
bool needs_guard(const std::string& flat) {
    return (!flat.empty() && flat.front() == '-') || starts_as<grammar::declaration_start>(flat);
}

// A list's first item must not make its '[' open a citation (`[source]`, `[source = 1, x]`), as
// grammar::citation_start reads it with what follows the item: ',' or the closing ']'.
bool reads_as_citation(const std::string& flat, bool more_items) {
    return starts_as<grammar::citation_start>("[" + flat + (more_items ? "," : "]"));
}

}  // namespace

Doc Layout::expression(const Expr& expr) {
    switch (expr.kind) {
        case ExprKind::boolean: return text(expr.number ? "true" : "false");
        case ExprKind::integer: return text(std::to_string(expr.number));
        case ExprKind::text: return text(quoted(expr.text));
        case ExprKind::absent: return text("absent");
        case ExprKind::date: return text("date " + quoted(expr.text));
        case ExprKind::datetime: return text("datetime " + quoted(expr.text));
        case ExprKind::duration: return text(duration_text(expr));
        case ExprKind::list: return list(expr);
        case ExprKind::record: return record_literal(expr);
        case ExprKind::name: return text(expr.text);
        case ExprKind::field: return concat({operand(*expr.args[0], 7), text("." + expr.text)});
        case ExprKind::call: return call(expr);
        case ExprKind::unary:
            if (expr.text == "not") return concat({text("not "), operand(*expr.args[0], 3)});
            return concat({text("-"), operand(*expr.args[0], 7)});
        case ExprKind::binary: return is_chain(expr) ? chain(expr) : comparison(expr);
        case ExprKind::if_then_else: return if_then_else(expr);
        case ExprKind::exists: return concat({operand(*expr.args[0], 5), text(" exists")});
        case ExprKind::is_absent: return concat({operand(*expr.args[0], 5), text(" is absent")});
        case ExprKind::quantifier: return quantifier(expr);
    }
    return text("");
}

Doc Layout::operand(const Expr& expr, int loosest) {
    if (precedence(expr) >= loosest) return expression(expr);
    return concat({text("("), align(expression(expr)), text(")")});
}

Doc Layout::row_start(const Expr& expr) {
    Doc doc = expression(expr);
    if (!needs_guard(render(doc, 1 << 20))) return doc;
    return concat({text("("), align(doc), text(")")});
}

// `a or b or c`, `a and b`, `a + b - c`: filled, each break before an operator, the following
// lines two deeper. Left-associative, so only the right operand of each step needs to bind tighter.
Doc Layout::chain(const Expr& expr) {
    int level = precedence(expr);
    std::vector<const Expr*> steps;
    const Expr* at = &expr;
    while (at->kind == ExprKind::binary && precedence(*at) == level) {
        steps.push_back(at);
        at = at->args[0].get();
    }
    std::vector<Doc> parts{operand(*at, level)};
    for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
        const Expr& right = *(*step)->args[1];
        Piece piece = this->piece(right.span.begin, right.span.end, line(), [&] {
            return concat({text((*step)->text + " "), operand(right, level + 1)});
        });
        parts.push_back(piece.separator);
        parts.push_back(piece.content);
    }
    return nest(2, fill(std::move(parts)));
}

// `a = b`, `x in [...]`: a list or record on the right stays on the operator's line and breaks
// itself; anything else may go to the next line, operator first.
Doc Layout::comparison(const Expr& expr) {
    Doc left = operand(*expr.args[0], 5);
    const Expr& right = *expr.args[1];
    const std::string& op = expr.text;
    if (right.kind == ExprKind::list || right.kind == ExprKind::record)
        return concat({left, text(" " + op + " "), operand(right, 5)});
    Doc rest = joined(right.span.begin, right.span.end, line(), [&] {
        return concat({text(op + " "), operand(right, 5)});
    });
    return group(concat({left, nest(2, rest)}));
}

Doc Layout::items(const std::vector<const Expr*>& exprs, const std::vector<Span>& spans,
                  const std::function<Doc(std::size_t)>& build, Doc first_separator) {
    std::vector<Doc> parts;
    Doc first;
    for (std::size_t i = 0; i < exprs.size(); ++i) {
        Doc separator = i == 0 ? first_separator : line();
        Piece piece = this->piece(spans[i].begin, exprs[i]->span.end, separator, [&] {
            return i + 1 < exprs.size() ? concat({build(i), text(",")}) : build(i);
        });
        if (i == 0) {
            first = piece.separator;
        } else {
            parts.push_back(piece.separator);
        }
        parts.push_back(piece.content);
    }
    if (!first) return text("");
    return concat({first, fill(std::move(parts))});
}

namespace {

std::vector<const Expr*> pointers(const std::vector<ast::ExprPtr>& exprs) {
    std::vector<const Expr*> out;
    for (const auto& expr : exprs) out.push_back(expr.get());
    return out;
}

std::vector<Span> spans_of(const std::vector<ast::ExprPtr>& exprs) {
    std::vector<Span> out;
    for (const auto& expr : exprs) out.push_back(expr->span);
    return out;
}

}  // namespace

Doc Layout::list_item(const Expr& list, std::size_t i) {
    Doc doc = expression(*list.args[i]);
    if (i != 0 || !reads_as_citation(render(doc, 1 << 20), list.args.size() > 1)) return doc;
    return concat({text("("), align(doc), text(")")});
}

// `[a, b]` inside an expression: filled, following lines under the first item.
Doc Layout::list(const Expr& expr) {
    auto build = [&](std::size_t i) { return list_item(expr, i); };
    return group(
        concat({text("["), align(items(pointers(expr.args), spans_of(expr.args), build, nullptr)), text("]")}));
}

Doc Layout::block_list(const Expr& expr) {
    auto build = [&](std::size_t i) { return list_item(expr, i); };
    Doc body = items(pointers(expr.args), spans_of(expr.args), build, softline());
    if (expr.args.empty()) return text("[]");
    return group(concat({text("["), nest(2, body), softline(), text("]")}));
}

// `{code: "csc_screening", unit: recent.unit}`: filled like a list, following lines under the
// first field.
Doc Layout::record_literal(const Expr& expr) {
    std::vector<const Expr*> values;
    for (const auto& field : expr.fields) values.push_back(field.second.get());
    auto build = [&](std::size_t i) {
        return concat({text(expr.fields[i].first + ": "), expression(*expr.fields[i].second)});
    };
    return group(concat({text("{"), align(items(values, expr.field_spans, build, nullptr)), text("}")}));
}

Doc Layout::call(const Expr& expr) {
    auto build = [&](std::size_t i) { return expression(*expr.args[i]); };
    Doc args = items(pointers(expr.args), spans_of(expr.args), build, nullptr);
    return group(concat({text(expr.text + "("), align(args), text(")")}));
}

// `latest(e in episodes where e.closed >= start by e.closed, e.opened)`: when too long, `where`
// and `by` start lines under the bound name.
Doc Layout::quantifier(const Expr& expr) {
    std::vector<Doc> parts{text(expr.variable + " in "), expression(*expr.args[0])};
    if (expr.has_where) {
        const Expr& where = *expr.args[1];
        parts.push_back(joined(where.span.begin, where.span.end, line(), [&] {
            return concat({text("where "), expression(where)});
        }));
    }
    if (!expr.keys.empty()) {
        parts.push_back(joined(expr.keys.front()->span.begin, expr.keys.back()->span.end, line(), [&] {
            std::vector<Doc> keys{text("by ")};
            for (std::size_t i = 0; i < expr.keys.size(); ++i) {
                if (i > 0) keys.push_back(text(", "));
                keys.push_back(expression(*expr.keys[i]));
            }
            return concat(std::move(keys));
        }));
    }
    return group(concat({text(expr.text + "("), align(concat(std::move(parts))), text(")")}));
}

// `if C then A else B`: when too long, `then` and `else` start lines under the `if`.
Doc Layout::if_then_else(const Expr& expr) {
    const Expr& then_value = *expr.args[1];
    const Expr& else_value = *expr.args[2];
    Doc then_part = joined(then_value.span.begin, then_value.span.end, line(), [&] {
        return concat({text("then "), expression(then_value)});
    });
    Doc else_part = joined(else_value.span.begin, else_value.span.end, line(), [&] {
        return concat({text("else "), expression(else_value)});
    });
    return group(align(concat({text("if "), expression(*expr.args[0]), then_part, else_part})));
}

}  // namespace frontdoor::dsl::format
