#pragma once
// The one lexical scan of rule text outside the parser: which bytes are code, which a comment and
// which a text literal, by the grammar's own rules (dsl/grammar.hpp). `#` starts a comment that
// runs to the end of its line (the line break, "\n" or "\r\n", is not part of it). `"` starts a
// text that ends at the next `"` not escaped; the only escapes are `\"`, `\\`, `\n` and `\t`, and
// a text never runs over a line. Everything that looks for comments or texts in rule text (the
// parse driver, node spans, explanation text) asks this scanner, so none of them can disagree with
// the grammar, or with each other, about where a comment or a text ends.
#include <cstddef>
#include <string_view>

namespace frontdoor::dsl {

enum class SegmentKind { code, comment, text };

// A run of bytes of one kind, as offsets into the scanned text.
struct RuleTextSegment {
    SegmentKind kind = SegmentKind::code;
    std::size_t begin = 0;
    std::size_t end = 0;
    // For a text: whether it ends with its closing quote. One that does not (a line break or
    // carriage return, a backslash before anything but `"`, `\`, `n` or `t`, or the end of the
    // rule text) is a syntax error for the parser; the scan ends the text just before the byte
    // that stopped it and reads on as code.
    bool closed = true;
};

// Walks rule text segment by segment. Segments are non-empty, adjacent and in order; a code
// segment runs until the next comment or text.
class RuleTextScanner {
public:
    // Scans `text` from `from`, which must not lie inside a comment or a text (the start of a
    // token or of a line is fine).
    explicit RuleTextScanner(std::string_view text, std::size_t from = 0) : text_(text), at_(from) {}

    // The next segment into `segment`; false at the end of the text.
    bool next(RuleTextSegment& segment);

private:
    std::size_t comment_end(std::size_t begin) const;
    RuleTextSegment text_literal(std::size_t begin) const;

    std::string_view text_;
    std::size_t at_;
};

// White space as the grammar reads it (PEGTL's `space`): space, tab, line feed, carriage return,
// vertical tab and form feed.
constexpr bool is_blank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Where the first token at or after `from` starts, white space and comments skipped; the size of
// the text when there is none.
std::size_t first_token_at(std::string_view text, std::size_t from = 0);

// Where the last token of `text` ends: the parser's nodes carry the white space and comments that
// follow their last token, and a span or an operator's text leaves them out.
std::size_t end_of_tokens(std::string_view text);

}  // namespace frontdoor::dsl
