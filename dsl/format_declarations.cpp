// Declarations in their canonical layout: the header on one line, the rows, fields, entries and
// refusals of a block each on lines of their own two spaces in, and in a decision row the value,
// then `when <condition>` and `[source "..."]` each on a line of their own two spaces deeper.
#include "dsl/format_layout.hpp"

#include <algorithm>

namespace frontdoor::dsl::format {

namespace {

std::string clock_text(int seconds) {
    int hours = seconds / 3600, minutes = seconds / 60 % 60;
    return std::string{char('0' + hours / 10), char('0' + hours % 10), ':', char('0' + minutes / 10),
                       char('0' + minutes % 10)};
}

std::string days_text(const ast::OpeningHours& hours) {
    static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    std::string out = days[hours.first_day];
    if (hours.last_day != hours.first_day) out += std::string(" to ") + days[hours.last_day];
    return out;
}

std::string citation_text(const ast::Citation& citation) { return "[source " + quoted(citation.text) + "]"; }

std::string optional_type_text(const TypeExpr& type) { return (type.optional ? "optional " : "") + type_text(type); }

// ` label "..."` after a name or a member, where one was declared.
std::string label_text(const ast::Label& label) { return label.present ? " label " + quoted(label.text) : ""; }

}  // namespace

std::string quoted(const std::string& value) {
    std::string out = "\"";
    for (char c : value) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

std::string type_text(const TypeExpr& type) {
    std::string out;
    if (type.kind == TypeExpr::Kind::named) out = type.name;
    else out = std::string(type.kind == TypeExpr::Kind::list ? "list of " : "set of ") + type_text(*type.element);
    return type.nullable ? out + " or null" : out;
}

Doc Layout::citation_after(const ast::Citation& citation, Doc separator) {
    if (!citation.present) return text("");
    return nest(2, joined(citation.span.begin, citation.span.end, std::move(separator),
                          [&] { return text(citation_text(citation)); }));
}

Doc Layout::manifest(const ast::Manifest& decl) {
    Doc head = text("pack " + decl.name + " version " + quoted(decl.version));
    return concat({head, group(citation_after(decl.citation, line("  ")))});
}

Doc Layout::calendar(const ast::Calendar& decl) {
    std::vector<Doc> items;
    std::uint32_t previous = 0;
    auto add = [&](Span span, std::string line_text) {
        items.push_back(block_item(previous, span.begin, span.end, [&] { return text(line_text); }));
        previous = span.end;
    };
    if (!decl.timezone.empty() || decl.timezone_span.end > 0)
        add(decl.timezone_span, "timezone " + quoted(decl.timezone) + " rules " + quoted(decl.timezone_rule));
    for (const auto& hours : decl.opening)
        add(hours.span, "open " + days_text(hours) + " " + clock_text(hours.open_seconds) + " to " +
                            clock_text(hours.close_seconds));
    for (const auto& holidays : decl.holidays)
        add(holidays.span, "holidays from " + quoted(holidays.file) + " division " + quoted(holidays.division));
    return concat({text("calendar " + decl.name), nest(2, concat(std::move(items)))});
}

// `enum flag = "a" | "b"`, filled; following lines start with `| `. A comment before the first
// member puts it on a line of its own, lined up with the members after `| `.
Doc Layout::enumeration(const ast::Enum& decl) {
    std::vector<Doc> parts;
    for (std::size_t i = 0; i < decl.members.size(); ++i) {
        const auto& [value, span] = decl.members[i];
        const ast::Label& label = decl.labels[i];
        std::uint32_t end = label.present ? label.span.end : span.end;
        Piece piece = this->piece(span.begin, end, line(),
                                  [&, &member = value] { return text(quoted(member) + label_text(label)); });
        if (i == 0) {
            parts.push_back(piece.has_comments ? concat({piece.separator, text("  "), piece.content})
                                               : concat({text(" "), piece.content}));
        } else {
            parts.push_back(piece.separator);
            parts.push_back(concat({text("| "), piece.content}));
        }
    }
    return concat({text("enum " + decl.name + " ="), nest(2, fill(std::move(parts)))});
}

Doc Layout::field(const ast::Field& field) {
    std::string head = field.name + ": " + (field.optional ? "optional " : "") + type_text(field.type);
    if (field.matching) head += " matching " + quoted(*field.matching);
    if (field.length)
        head += " length " + std::to_string(field.length->first) + " to " + std::to_string(field.length->second);
    if (field.at_most) head += " at most " + std::to_string(*field.at_most);
    if (field.unique) head += " unique";
    if (!field.default_value) return text(head);
    return concat({text(head + " default "), expression(*field.default_value)});
}

Doc Layout::record(const ast::Record& decl) {
    std::vector<Doc> fields;
    std::uint32_t previous = 0;
    for (const auto& field : decl.fields) {
        std::uint32_t end =
            field.default_value ? field.default_value->span.end : std::max(field.span.end, field.type.span.end);
        fields.push_back(block_item(previous, field.span.begin, end, [&] { return this->field(field); }));
        previous = end;
    }
    return concat({text("record " + decl.name), nest(2, concat(std::move(fields)))});
}

// `refuse [for each x in list] when <condition>`, then `at <field>` and `because "..."` on lines of
// their own; the `when` goes to the next line only after a long `for each`.
Doc Layout::refusal(const ast::Refusal& refusal) {
    const ast::Expr& condition = *refusal.condition;
    auto when = [&] { return concat({text("when "), expression(condition)}); };
    Doc first;
    if (refusal.each_list) {
        Doc each = text("refuse for each " + refusal.each_variable + " in ");
        Doc list = expression(*refusal.each_list);
        first = group(concat({each, list, nest(2, joined(condition.span.begin, condition.span.end, line(), when))}));
    } else {
        // `refuse when` stays on one line unless a comment comes between them.
        Piece piece = this->piece(condition.span.begin, condition.span.end, line(), when);
        first = concat(
            {text("refuse"), nest(2, concat({piece.has_comments ? piece.separator : text(" "), piece.content}))});
    }
    const ast::Expr& at = *refusal.at;
    Doc at_line = nest(2, joined(at.span.begin, at.span.end, hardline(), [&] {
                           return concat({text("at "), expression(at)});
                       }));
    Doc because = nest(2, concat({hardline(), text("because " + quoted(refusal.because))}));
    return concat({first, at_line, because, group(citation_after(refusal.citation, line("  ")))});
}

Doc Layout::input(const ast::Input& decl) {
    std::vector<Doc> refusals;
    std::uint32_t previous = 0;
    for (const auto& refusal : decl.refusals) {
        refusals.push_back(
            block_item(previous, refusal.span.begin, refusal.span.end, [&] { return this->refusal(refusal); }));
        previous = refusal.span.end;
    }
    return concat({text("input " + decl.name + ": " + type_text(decl.type)), nest(2, concat(std::move(refusals)))});
}

// `let name: type = value  [source "..."]` when it fits; otherwise the citation takes a line of its
// own, and so does the value if it does not fit after the name. A list value opens on the first
// line and closes on a line of its own, which the citation ends when it fits there.
Doc Layout::let(const ast::Let& decl) {
    std::string head = "let " + decl.name + label_text(decl.label);
    if (decl.declared) head += ": " + optional_type_text(*decl.declared);
    const ast::Expr& value = *decl.value;
    if (value.kind == ast::ExprKind::list) {
        Doc body = concat({text(head + " = "), nest(2, block_list(value))});
        return concat({body, group(citation_after(decl.citation, line("  ")))});
    }
    Doc on_next_line = joined(value.span.begin, value.span.end, line(), [&] { return expression(value); });
    Doc body = group(concat({text(head + " ="), nest(2, on_next_line)}));
    return group(concat({body, citation_after(decl.citation, line("  "))}));
}

Doc Layout::row(const ast::Row& row) {
    std::vector<Doc> parts;
    const ast::Expr& value = *row.value;
    if (row.each_list) {
        parts.push_back(text("for each " + row.each_variable + " in "));
        parts.push_back(expression(*row.each_list));
        parts.push_back(text(":"));
        parts.push_back(
            nest(2, joined(value.span.begin, value.span.end, hardline(), [&] { return expression(value); })));
    } else {
        parts.push_back(row_start(value));
        if (row.otherwise) parts.push_back(text(" otherwise"));
    }
    if (row.condition) {
        const ast::Expr& condition = *row.condition;
        parts.push_back(nest(2, joined(condition.span.begin, condition.span.end, hardline(), [&] {
                                 return concat({text("when "), expression(condition)});
                             })));
    }
    parts.push_back(citation_after(row.citation, hardline()));
    if (row.name.empty()) return concat(std::move(parts));
    // A named row: `row NAME:` on a line of its own, the row itself two deeper below it.
    return concat({text("row " + row.name + ":"), nest(2, concat({hardline(), concat(std::move(parts))}))});
}

Doc Layout::decision(const ast::Decision& decl) {
    std::string policy = decl.policy == ast::HitPolicy::collect ? "(collect)" : "(first match)";
    std::vector<Doc> rows;
    std::uint32_t previous = 0;
    for (const auto& row : decl.rows) {
        rows.push_back(block_item(previous, row.span.begin, row.span.end, [&] { return this->row(row); }));
        previous = row.span.end;
    }
    return concat(
        {text("decision " + decl.name + label_text(decl.label) + ": " + optional_type_text(decl.type) + " " + policy),
         nest(2, concat(std::move(rows)))});
}

Doc Layout::output(const ast::Output& decl) {
    std::vector<Doc> fields;
    std::uint32_t previous = 0;
    for (const auto& field : decl.fields) {
        fields.push_back(block_item(previous, field.span.begin, field.value->span.end, [&] {
            return concat({text(field.name + " = "), expression(*field.value)});
        }));
        previous = field.value->span.end;
    }
    return concat({text("output times in " + decl.times_in), nest(2, concat(std::move(fields)))});
}

}  // namespace frontdoor::dsl::format
