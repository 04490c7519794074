#include "dsl/parse.hpp"

#include "dsl/parse_errors.hpp"
#include "dsl/parse_tree_to_ast.hpp"
#include "dsl/scan_rule_text.hpp"
#include "dsl/utf8.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <cctype>

namespace frontdoor::dsl {

namespace p = tao::pegtl;
using namespace grammar;

namespace {

// The grammar rules that become nodes of the parse tree; everything else (tokens, white space)
// is folded away.
template <typename Rule>
using selector = p::parse_tree::selector<
    Rule,
    p::parse_tree::store_content::on<
        name, field_name, bound_name, string_lit, integer_lit, time_of_day, unit_word, working_days, duration_lit,
        date_lit, datetime_lit, true_lit, false_lit, absent_lit, list_lit, record_lit, field_init, call, quantifier_word,
        quantifier, where_clause, by_keys, if_then_else, name_ref, postfix, field_access, negate, additive, additive_op,
        comparison, compare_op, not_in_op, in_op, exists_op, is_absent_op, negation, not_op, conjunction, and_op,
        expression, or_op, citation, list_type, set_type, named_type, nullable, type_expr, pack_decl, day_name,
        day_range, opening, timezone_item, holidays_item, calendar_decl, enum_member, enum_decl, matching_constraint,
        length_constraint, at_most_constraint, unique_constraint, optional_marker, default_value, field_decl,
        record_decl, each_binding, refusal_at, refusal_because, refusal, input_decl, declared_type, let_decl,
        first_match, collect_policy, row_condition, row_otherwise, each_row, value_row, decision_decl, table_entry,
        table_decl, output_field, output_decl, parenthesised>>;

// Failures stay ordinary PEG failures (so alternatives are tried); only a `must` point that fails
// raises, with the message from the table in parse_errors.hpp.
template <typename Rule>
struct control : p::normal<Rule> {
    template <typename ParseInput, typename... States>
    [[noreturn]] static void raise(const ParseInput& in, States&&...) {
        constexpr const char* message = error_message<Rule>;
        throw p::parse_error(message ? message : "this is not valid here", in);
    }
};

// Offsets of white space and comments from `at`; returns the first offset of real text.
std::uint32_t skip_blank(const std::string& text, std::uint32_t at) { return static_cast<std::uint32_t>(first_token_at(text, at)); }

bool starts_declaration(std::string_view line) {
    for (const char* word : {"pack", "calendar", "enum", "record", "input", "let", "decision", "table", "output"}) {
        std::string_view w(word);
        if (line.substr(0, w.size()) == w && (line.size() == w.size() || line[w.size()] == ' ' || line[w.size()] == '\t'))
            return true;
    }
    return false;
}

// The name that a declaration starting `text` declares (`let NAME`, `decision NAME`, `table NAME`,
// `enum NAME`, `record NAME`), read without the grammar: for a declaration that did not parse.
std::string declared_name(std::string_view text) {
    for (std::string_view word : {"let", "decision", "table", "enum", "record"}) {
        if (!text.starts_with(word)) continue;
        std::size_t begin = text.find_first_not_of(" \t", word.size());
        if (begin == word.size() || begin == std::string_view::npos || !std::isalpha(static_cast<unsigned char>(text[begin])))
            return {};
        std::size_t end = begin;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
        return std::string(text.substr(begin, end - begin));
    }
    return {};
}

// After a syntax error: the start of the next line that begins, in its first column, with a
// declaration keyword; or the end of the text.
std::uint32_t recover(const std::string& text, std::uint32_t from) {
    std::uint32_t at = from;
    while (at < text.size()) {
        while (at < text.size() && text[at] != '\n') ++at;
        if (at < text.size()) ++at;
        if (starts_declaration(std::string_view(text).substr(at))) return at;
    }
    return static_cast<std::uint32_t>(text.size());
}

void collect_comments(const Source& source, std::uint32_t file, ast::Pack& pack) {
    const std::string& text = source.text();
    RuleTextScanner scanner(text);
    for (RuleTextSegment segment; scanner.next(segment);) {
        if (segment.kind != SegmentKind::comment) continue;
        auto begin = static_cast<std::uint32_t>(segment.begin), end = static_cast<std::uint32_t>(segment.end);
        pack.comments.emplace_back(Span{file, begin, end}, text.substr(begin, end - begin));
    }
}

// The parser and checker recurse once per level of nesting; a pathological file (thousands of
// nested brackets or `list of list of ...`) would exhaust the stack. Such a file is refused with
// a diagnostic before it is parsed. Returns the offset where the limit is passed, or npos.
constexpr int max_nesting = 200;

std::size_t too_deep(const std::string& text) {
    int depth = 0, type_words = 0;
    RuleTextScanner scanner(text);
    for (RuleTextSegment segment; scanner.next(segment);) {
        if (segment.kind != SegmentKind::code) continue;
        for (std::size_t i = segment.begin; i < segment.end; ++i) {
            char c = text[i];
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > max_nesting) return i;
            } else if (c == ')' || c == ']' || c == '}') {
                --depth;
            } else if (std::isalpha(static_cast<unsigned char>(c))) {
                std::size_t end = i;
                while (end < segment.end && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
                std::string_view word(text.data() + i, end - i);
                type_words = (word == "list" || word == "set" || word == "of") ? type_words + 1 : 0;
                if (type_words > 2 * max_nesting) return i;
                i = end - 1;
            }
        }
    }
    return std::string::npos;
}

// Text that is not UTF-8 is an error (its strings would end up in decisions, schemas and graphs,
// which are JSON), reported at the first bad byte; parsing goes on so that the file's other
// mistakes are reported in the same run. False when there is a bad byte.
bool check_utf8(const Source& source, std::uint32_t file, Diagnostics& diagnostics) {
    std::size_t at = first_invalid_utf8(source.text());
    if (at == std::string::npos) return true;
    static const char* const hex = "0123456789ABCDEF";
    auto byte = static_cast<unsigned char>(source.text()[at]);
    auto offset = static_cast<std::uint32_t>(at);
    diagnostics.error(Span{file, offset, offset + 1}, std::string("this text is not valid UTF-8 (byte 0x") + hex[byte >> 4] +
                                                          hex[byte & 15] + "): save the file as UTF-8");
    return false;
}

}  // namespace

void parse_source(const Source& source, std::uint32_t file, ast::Pack& pack, Diagnostics& diagnostics) {
    check_utf8(source, file, diagnostics);
    collect_comments(source, file, pack);
    const std::string& text = source.text();
    if (std::size_t at = too_deep(text); at != std::string::npos) {
        auto offset = static_cast<std::uint32_t>(at);
        diagnostics.error(Span{file, offset, offset + 1}, "this is nested more than " + std::to_string(max_nesting) +
                                                             " levels deep; split it into named definitions");
        return;
    }
    TreeConverter converter(file, diagnostics);
    // A byte-order mark, which some Windows editors write at the start of UTF-8 files, is skipped.
    std::uint32_t at = skip_blank(text, std::string_view(text).starts_with("\xEF\xBB\xBF") ? 3 : 0);
    while (at < text.size()) {
        LineColumn where = source.locate(at);
        p::memory_input<> in(text.data() + at, text.data() + text.size(), source.name(), at, where.line, where.column);
        try {
            auto root = p::parse_tree::parse<one_declaration, selector, p::nothing, control>(in);
            if (!root || root->children.empty()) {
                diagnostics.error(Span{file, at, at + 1},
                                  "expected a declaration: pack, calendar, enum, record, input, let, decision, table or output");
                at = skip_blank(text, recover(text, at));
                continue;
            }
            converter.declaration(*root->children.front(), pack);
            at = skip_blank(text, static_cast<std::uint32_t>(in.current() - text.data()));
        } catch (const p::parse_error& error) {
            auto offset = static_cast<std::uint32_t>(error.positions().front().byte);
            diagnostics.error(Span{file, offset, offset + 1}, std::string(error.message()));
            if (std::string name = declared_name(std::string_view(text).substr(at)); !name.empty())
                pack.unparsed_names.push_back(std::move(name));
            at = skip_blank(text, recover(text, offset));
        }
    }
}

ast::ExprPtr parse_expression(const Source& source, std::uint32_t file, Diagnostics& diagnostics) {
    if (!check_utf8(source, file, diagnostics)) return nullptr;  // a single expression: nothing else to report
    const std::string& text = source.text();
    p::memory_input<> in(text.data(), text.data() + text.size(), source.name());
    try {
        auto root = p::parse_tree::parse<p::seq<skip, expression, p::eof>, selector, p::nothing, control>(in);
        if (root && !root->children.empty()) return TreeConverter(file, diagnostics).expression(*root->children.front());
        diagnostics.error(Span{file, 0, static_cast<std::uint32_t>(text.size())}, "expected a single expression");
    } catch (const p::parse_error& error) {
        auto offset = static_cast<std::uint32_t>(error.positions().front().byte);
        diagnostics.error(Span{file, offset, offset + 1}, std::string(error.message()));
    }
    return nullptr;
}

}  // namespace frontdoor::dsl
