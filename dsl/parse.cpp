#include "dsl/parse.hpp"

#include "dsl/find_unclosed_bracket.hpp"
#include "dsl/parse_errors.hpp"
#include "dsl/parse_tree_to_ast.hpp"
#include "dsl/scan_rule_text.hpp"
#include "dsl/suggest_syntax_fix.hpp"
#include "dsl/utf8.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <cctype>
#include <memory>
#include <type_traits>

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
        date_lit, datetime_lit, true_lit, false_lit, absent_lit, list_lit, record_lit, field_init, call,
        quantifier_word, quantifier, where_clause, by_keys, if_then_else, name_ref, postfix, field_access, negate,
        additive, additive_op, comparison, compare_op, not_in_op, in_op, exists_op, is_absent_op, negation, not_op,
        conjunction, and_op, expression, or_op, citation, list_type, set_type, named_type, nullable, type_expr,
        pack_decl, day_name, day_range, opening, timezone_item, holidays_item, calendar_decl, enum_member, enum_decl,
        matching_constraint, length_constraint, at_most_constraint, unique_constraint, optional_marker, default_value,
        field_decl, record_decl, each_binding, refusal_at, refusal_because, refusal, input_decl, declared_type,
        let_decl, first_match, collect_policy, row_condition, row_otherwise, row_label, each_row, value_row,
        decision_decl, table_entry, table_decl, output_field, output_decl, parenthesised, exclusive_word,
        partition_word, exclusive_decl, exclusive_rows_words, exclusive_rows_decl, declared_label>>;

// Failures stay ordinary PEG failures (so alternatives are tried); only a `must` point that fails
// raises, with the message from the table in parse_errors.hpp. Entering an expression or a type
// more than max_nesting_depth levels deep raises too, at that expression or type, before the
// parser recurses any deeper (dsl/nesting_limit.hpp says why these two rules).
template <typename Rule>
struct control : p::normal<Rule> {
    static constexpr bool nests_expression = std::is_same_v<Rule, negation>;
    static constexpr bool nests_type = std::is_same_v<Rule, type_expr>;

    template <typename ParseInput>
    static void start(const ParseInput& in, NestingDepth& depth) {
        if constexpr (nests_expression) {
            if (++depth.expressions > max_nesting_depth + 1)
                throw p::parse_error(nesting_message<too_deep_expression>(), in);
        } else if constexpr (nests_type) {
            if (++depth.types > max_nesting_depth + 1) throw p::parse_error(nesting_message<too_deep_type>(), in);
        }
    }
    template <typename ParseInput>
    static void success(const ParseInput&, NestingDepth& depth) {
        leave(depth);
    }
    template <typename ParseInput>
    static void failure(const ParseInput&, NestingDepth& depth) {
        leave(depth);
    }
    static void leave(NestingDepth& depth) {
        if constexpr (nests_expression) --depth.expressions;
        else if constexpr (nests_type) --depth.types;
    }

    template <typename ParseInput, typename... States>
    [[noreturn]] static void raise(const ParseInput& in, States&&...) {
        constexpr const char* message = error_message<Rule>;
        throw p::parse_error(message ? message : "this is not valid here", in);
    }
};

// Offsets of white space and comments from `at`; returns the first offset of real text.
std::uint32_t skip_blank(const std::string& text, std::uint32_t at) {
    return static_cast<std::uint32_t>(first_token_at(text, at));
}

bool starts_declaration(std::string_view line) {
    for (const char* word : {"pack", "calendar", "enum", "record", "input", "let", "decision", "table", "output",
                             "exclusive", "partition"}) {
        std::string_view w(word);
        if (line.substr(0, w.size()) == w &&
            (line.size() == w.size() || line[w.size()] == ' ' || line[w.size()] == '\t'))
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
        if (begin == word.size() || begin == std::string_view::npos ||
            !std::isalpha(static_cast<unsigned char>(text[begin])))
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

// The closing bracket that a syntax error's message says was expected, or 0 for any other error.
char expected_closing(std::string_view message) {
    if (message == error_message<sym<')'>>) return ')';
    if (message == error_message<sym<']'>>) return ']';
    if (message == error_message<sym<'}'>>) return '}';
    return 0;
}

// A syntax error at `where`: an operator from another language is named as such and the span
// moved onto it; a misspelt keyword or unit gets the parser's message and "did you mean". The
// "; did you mean 'x'?" ending is what a face's quick fix reads (suggested_replacement).
void explain_syntax_error(const std::string& text, Span& where, std::string& message) {
    auto fix = suggest_syntax_fix(text, where.begin);
    if (!fix) return;
    std::string written = text.substr(fix->begin, fix->end - fix->begin);
    if (!std::isalpha(static_cast<unsigned char>(written.front()))) message = "unknown operator '" + written + "'";
    message += "; did you mean '" + fix->replacement + "'?";
    where.begin = fix->begin;
    where.end = fix->end;
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

// Text that is not UTF-8 is an error (its strings would end up in decisions, schemas and graphs,
// which are JSON), reported at the first bad byte; parsing goes on so that the file's other
// mistakes are reported in the same run. False when there is a bad byte.
bool check_utf8(const Source& source, std::uint32_t file, Diagnostics& diagnostics) {
    std::size_t at = first_invalid_utf8(source.text());
    if (at == std::string::npos) return true;
    static const char* const hex = "0123456789ABCDEF";
    auto byte = static_cast<unsigned char>(source.text()[at]);
    auto offset = static_cast<std::uint32_t>(at);
    diagnostics.error(Span{file, offset, offset + 1}, std::string("this text is not valid UTF-8 (byte 0x") +
                                                          hex[byte >> 4] + hex[byte & 15] +
                                                          "): save the file as UTF-8");
    return false;
}

// A carriage return that does not end a line (LF or CRLF) is an error at the first one: a file
// saved with old Mac line endings (CR only) is otherwise one line, read whole as the comment it
// starts with, so that its declarations would be silently left out of the pack.
void check_line_ends(const Source& source, std::uint32_t file, Diagnostics& diagnostics) {
    const std::string& text = source.text();
    for (std::size_t at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1)) {
        if (at + 1 < text.size() && text[at + 1] == '\n') continue;
        auto offset = static_cast<std::uint32_t>(at);
        diagnostics.error(Span{file, offset, offset + 1},
                          "a carriage return (CR) that does not end a line: lines end with LF or CRLF; save the "
                          "file with LF line endings (CR alone, old Mac line endings, would make it one line)");
        return;
    }
}

}  // namespace

void parse_source(const Source& source, std::uint32_t file, ast::Pack& pack, Diagnostics& diagnostics) {
    check_utf8(source, file, diagnostics);
    check_line_ends(source, file, diagnostics);
    collect_comments(source, file, pack);
    const std::string& text = source.text();
    TreeConverter converter(file, diagnostics);
    // A byte-order mark, which some Windows editors write at the start of UTF-8 files, is skipped.
    std::uint32_t at = skip_blank(text, std::string_view(text).starts_with("\xEF\xBB\xBF") ? 3 : 0);
    // A declaration that cannot be read is reported and dropped whole; its name is kept so that
    // the checker says nothing more about it.
    // A missing closing bracket is reported where the parser gave up, with a note at the bracket
    // that was opened (which may be lines above).
    auto drop = [&](std::uint32_t start, Span where, std::string message) {
        char closing = expected_closing(message);
        explain_syntax_error(text, where, message);
        if (auto opened = find_unclosed_bracket(text, start, where.begin, closing))
            diagnostics.error(where, std::move(message), Span{file, *opened, *opened + 1},
                              std::string("the '") + text[*opened] + "' opened here is not closed");
        else diagnostics.error(where, std::move(message));
        if (std::string name = declared_name(std::string_view(text).substr(start)); !name.empty())
            pack.unparsed_names.push_back(std::move(name));
    };
    // A declaration is converted when the next one has been read: text left on its last line that
    // starts no declaration (`let due = x.received + 3 hourss`, a misspelt unit) means it did not
    // parse as written, so it is dropped whole, like any declaration with a syntax error, instead
    // of being checked as the shorter declaration that the parser accepted.
    std::unique_ptr<p::parse_tree::node> pending;
    std::uint32_t pending_start = 0, pending_end = 0;
    auto convert_pending = [&] {
        if (!pending) return;
        try {
            converter.declaration(*pending->children.front(), pack);
        } catch (const NestingTooDeep& error) {
            drop(pending_start, error.at, error.message);
        }
        pending.reset();
    };
    while (at < text.size()) {
        const std::uint32_t start = at;
        LineColumn where = source.locate(start);
        p::memory_input<> in(text.data() + start, text.data() + text.size(), source.name(), start, where.line,
                             where.column);
        try {
            NestingDepth depth;
            auto root = p::parse_tree::parse<one_declaration, selector, p::nothing, control>(in, depth);
            if (!root || root->children.empty()) {
                if (pending && source.locate(pending_end).line == where.line) {
                    if (std::string name = declared_name(std::string_view(text).substr(pending_start)); !name.empty())
                        pack.unparsed_names.push_back(std::move(name));
                    pending.reset();
                }
                convert_pending();
                Span stray{file, start, start + 1};
                std::string message =
                    "expected a declaration: pack, calendar, enum, record, input, let, decision, table, output, exclusive or partition";
                explain_syntax_error(text, stray, message);
                diagnostics.error(stray, std::move(message));
                at = skip_blank(text, recover(text, start));
                continue;
            }
            convert_pending();
            auto end = static_cast<std::uint32_t>(in.current() - text.data());
            pending = std::move(root);
            pending_start = start;
            pending_end =
                start + static_cast<std::uint32_t>(end_of_tokens(std::string_view(text).substr(start, end - start)));
            at = skip_blank(text, end);
        } catch (const NestingTooDeep& error) {
            convert_pending();
            drop(start, error.at, error.message);
        } catch (const p::parse_error& error) {
            convert_pending();
            auto offset = static_cast<std::uint32_t>(error.positions().front().byte);
            drop(start, Span{file, offset, offset + 1}, std::string(error.message()));
            at = skip_blank(text, recover(text, offset));
        }
    }
    convert_pending();
}

ast::ExprPtr parse_expression(const Source& source, std::uint32_t file, Diagnostics& diagnostics) {
    if (!check_utf8(source, file, diagnostics)) return nullptr;  // a single expression: nothing else to report
    const std::string& text = source.text();
    p::memory_input<> in(text.data(), text.data() + text.size(), source.name());
    try {
        NestingDepth depth;
        auto root = p::parse_tree::parse<p::seq<skip, expression, p::eof>, selector, p::nothing, control>(in, depth);
        if (root && !root->children.empty())
            return TreeConverter(file, diagnostics).expression(*root->children.front());
        diagnostics.error(Span{file, 0, static_cast<std::uint32_t>(text.size())}, "expected a single expression");
    } catch (const NestingTooDeep& error) {
        diagnostics.error(error.at, error.message);
    } catch (const p::parse_error& error) {
        auto offset = static_cast<std::uint32_t>(error.positions().front().byte);
        Span where{file, offset, offset + 1};
        std::string message(error.message());
        explain_syntax_error(text, where, message);
        diagnostics.error(where, std::move(message));
    }
    return nullptr;
}

}  // namespace frontdoor::dsl
