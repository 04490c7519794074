// A rule file in its canonical layout: its declarations in file order with one empty line between
// them, each with the comments above it, inside it and after it.
#include "dsl/format_pack.hpp"

#include "dsl/diagnostics.hpp"
#include "dsl/format_layout.hpp"
#include "dsl/parse.hpp"

#include <algorithm>
#include <limits>

namespace frontdoor::dsl {

namespace format {

Piece Layout::piece(std::uint32_t begin, std::uint32_t end, Doc separator, const std::function<Doc()>& build) {
    std::vector<Comment> before = comments_.take_before(begin);
    Doc content = build();
    std::vector<Comment> inside = comments_.take_before(end);
    bool has_comments = !before.empty() || !inside.empty();
    if (!separator) separator = has_comments ? softline() : text("");
    return {separator_with(before, inside, separator), content, has_comments};
}

Doc Layout::joined(std::uint32_t begin, std::uint32_t end, Doc separator, const std::function<Doc()>& build) {
    Piece piece = this->piece(begin, end, std::move(separator), build);
    return concat({piece.separator, piece.content});
}

namespace {

// Comments on lines of their own, each followed by a line break; one empty line is kept wherever
// the author left one after `cursor` (0: do not look before the first comment).
void comment_lines(const CommentQueue& queue, const std::vector<Comment>& comments, std::size_t from,
                   std::uint32_t& cursor, std::vector<Doc>& parts) {
    for (std::size_t i = from; i < comments.size(); ++i) {
        if (cursor > 0 && queue.blank_between(cursor, comments[i].begin)) parts.push_back(hardline());
        parts.push_back(text(comments[i].text));
        parts.push_back(hardline());
        cursor = comments[i].end;
    }
}

}  // namespace

Doc Layout::block_item(std::uint32_t previous_end, std::uint32_t begin, std::uint32_t end,
                       const std::function<Doc()>& build) {
    std::vector<Comment> before = comments_.take_before(begin);
    Doc content = build();
    std::vector<Comment> inside = comments_.take_before(end);
    std::vector<Doc> parts;
    std::size_t first_own_line = 0;
    std::uint32_t cursor = previous_end;
    if (!before.empty() && before.front().trailing) {
        parts.push_back(trailing_comment(before.front()));
        cursor = before.front().end;
        first_own_line = 1;
    }
    parts.push_back(hardline());
    comment_lines(comments_, before, first_own_line, cursor, parts);
    if (cursor > 0 && comments_.blank_between(cursor, begin)) parts.push_back(hardline());
    std::uint32_t no_blank = 0;
    comment_lines(comments_, inside, 0, no_blank, parts);
    parts.push_back(content);
    return concat(std::move(parts));
}

namespace {

struct Declared {
    std::uint32_t begin;  // where its keyword starts
    std::uint32_t end;    // where its last part ends
    std::function<Doc()> build;
};

// Declarations carry the span of their name; the keyword before it is where they start.
std::uint32_t keyword_start(const std::string& text, const ast::Pack& pack, std::uint32_t name) {
    std::uint32_t at = name;
    for (bool moved = true; moved;) {
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n' || text[at - 1] == '\r'))
            --at;
        moved = false;
        for (const auto& [span, body] : pack.comments)
            if (span.begin < at && at <= span.end) at = span.begin, moved = true;
    }
    while (at > 0 && text[at - 1] >= 'a' && text[at - 1] <= 'z') --at;
    return at;
}

std::uint32_t last_end(std::uint32_t end, Span span) { return std::max(end, span.end); }

std::vector<Declared> declarations(const std::string& text, const ast::Pack& pack, Layout& layout) {
    std::vector<Declared> out;
    auto add = [&](std::uint32_t name, std::uint32_t end, std::function<Doc()> build) {
        out.push_back({keyword_start(text, pack, name), std::max(name, end), std::move(build)});
    };
    for (const auto& d : pack.manifests)
        add(d.span.begin, last_end(d.span.end, d.citation.span), [&] { return layout.manifest(d); });
    for (const auto& d : pack.calendars) {
        std::uint32_t end = last_end(d.span.end, d.timezone_span);
        for (const auto& hours : d.opening) end = last_end(end, hours.span);
        for (const auto& holidays : d.holidays) end = last_end(end, holidays.span);
        add(d.span.begin, end, [&] { return layout.calendar(d); });
    }
    for (const auto& d : pack.enums)
        add(d.span.begin, last_end(d.members.back().second.end, d.labels.back().span),
            [&] { return layout.enumeration(d); });
    for (const auto& d : pack.records) {
        std::uint32_t end = d.span.end;
        for (const auto& f : d.fields)
            end = last_end(last_end(end, f.type.span), f.default_value ? f.default_value->span : Span{});
        add(d.span.begin, end, [&] { return layout.record(d); });
    }
    for (const auto& d : pack.inputs)
        add(d.span.begin, d.refusals.empty() ? d.type.span.end : d.refusals.back().span.end,
            [&] { return layout.input(d); });
    for (const auto& d : pack.lets)
        add(d.span.begin, last_end(d.value->span.end, d.citation.span), [&] { return layout.let(d); });
    for (const auto& d : pack.decisions) add(d.span.begin, d.rows.back().span.end, [&] { return layout.decision(d); });
    for (const auto& d : pack.tables) add(d.span.begin, d.entries.back().span.end, [&] { return layout.table(d); });
    for (const auto& d : pack.exclusive_sets)
        add(d.sets.front().second.begin, last_end(d.sets.back().second.end, d.citation.span),
            [&] { return layout.exclusive_sets(d); });
    // `exclusive rows of D` names its decision after two words, so it starts at its own keyword.
    for (const auto& d : pack.exclusive_rows)
        out.push_back({d.span.begin, last_end(d.rows.back().second.end, d.citation.span),
                       [&] { return layout.exclusive_rows(d); }});
    for (const auto& d : pack.outputs)
        out.push_back({d.span.begin, d.fields.back().value->span.end, [&] { return layout.output(d); }});
    std::sort(out.begin(), out.end(), [](const Declared& a, const Declared& b) { return a.begin < b.begin; });
    return out;
}

// The comments before a declaration: one empty line always separates it from the declaration
// before; the empty lines the author left among its comments, and after them, are kept.
void leading_comments(CommentQueue& queue, const std::vector<Comment>& before, std::uint32_t begin, bool first,
                      std::vector<Doc>& parts) {
    std::size_t from = 0;
    if (!first) {
        if (!before.empty() && before.front().trailing) parts.push_back(trailing_comment(before.front())), from = 1;
        parts.push_back(hardline());
        parts.push_back(hardline());
    }
    std::uint32_t cursor = 0;
    comment_lines(queue, before, from, cursor, parts);
    if (cursor > 0 && queue.blank_between(cursor, begin)) parts.push_back(hardline());
}

// Comments on lines of their own after `end`, each after a line break (two spaces in for the tail
// of a block), keeping the empty lines the author left.
void following_comments(const CommentQueue& queue, const std::vector<Comment>& comments, std::uint32_t end, int indent,
                        std::vector<Doc>& parts) {
    std::size_t from = 0;
    if (!comments.empty() && comments.front().trailing) parts.push_back(trailing_comment(comments.front())), from = 1;
    std::uint32_t cursor = from ? comments.front().end : end;
    for (std::size_t i = from; i < comments.size(); ++i) {
        bool blank = queue.blank_between(cursor, comments[i].begin);
        Doc line_break = blank ? concat({hardline(), hardline()}) : hardline();
        parts.push_back(nest(indent, concat({line_break, text(comments[i].text)})));
        cursor = comments[i].end;
    }
}

Doc file_layout(CommentQueue& queue, const std::vector<Declared>& declared) {
    std::vector<Doc> parts;
    for (std::size_t i = 0; i < declared.size(); ++i) {
        const Declared& d = declared[i];
        std::vector<Comment> before = queue.take_before(d.begin);
        Doc content = d.build();
        std::vector<Comment> inside = queue.take_before(d.end);
        leading_comments(queue, before, d.begin, i == 0, parts);
        std::uint32_t no_blank = 0;
        comment_lines(queue, inside, 0, no_blank, parts);
        parts.push_back(content);
        std::uint32_t next =
            i + 1 < declared.size() ? declared[i + 1].begin : std::numeric_limits<std::uint32_t>::max();
        following_comments(queue, queue.take_block_tail(next), d.end, 2, parts);
    }
    std::vector<Comment> rest = queue.take_before(std::numeric_limits<std::uint32_t>::max());
    if (declared.empty()) {
        std::uint32_t cursor = 0;
        comment_lines(queue, rest, 0, cursor, parts);
    } else if (!rest.empty()) {
        parts.push_back(hardline());
        following_comments(queue, rest, rest.front().begin, 0, parts);
    }
    return concat(std::move(parts));
}

}  // namespace

}  // namespace format

Formatted format_rules(const Source& source, int width) {
    std::vector<Source> sources{source};
    Diagnostics diagnostics(sources);
    ast::Pack pack;
    parse_source(sources.front(), 0, pack, diagnostics);
    if (diagnostics.has_errors()) return {"", diagnostics.sorted()};
    format::CommentQueue queue(sources.front(), pack.comments);
    format::Layout layout(sources.front(), queue, width);
    std::string text =
        format::render(format::file_layout(queue, format::declarations(source.text(), pack, layout)), width);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return {text.empty() ? text : text + "\n", {}};
}

}  // namespace frontdoor::dsl
