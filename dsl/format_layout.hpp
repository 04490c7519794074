#pragma once
// The formatter's working state for one rule file, shared by the files that lay out expressions
// (format_expression.cpp), declarations (format_declarations.cpp, format_table.cpp) and the file
// (format_pack.cpp). Every method turns a piece of the syntax tree into a document, taking from the
// comment queue, in source order, the comments that lie before and within that piece.
#include "dsl/ast.hpp"
#include "dsl/format_comments.hpp"
#include "dsl/format_doc.hpp"

#include <functional>

namespace frontdoor::dsl::format {

// What one item of a sequence prints: the separator before it (with the comments it carries) and
// the item itself. Fills need the two apart.
struct Piece {
    Doc separator;
    Doc content;
    bool has_comments = false;
};

class Layout {
public:
    // Lines are kept within `width` columns where the language allows a break.
    Layout(const Source& source, CommentQueue& comments, int width)
        : source_(source), comments_(comments), width_(width) {}

    // An expression where any expression may stand: an argument, a condition, a let's value.
    Doc expression(const ast::Expr& expr);
    // An expression that starts a decision row or a table entry, where a leading '-' or declaration
    // word would be read as something else and needs parentheses.
    Doc row_start(const ast::Expr& expr);
    // A list as a catalogue: items filled on lines below the '[', the ']' on a line of its own.
    Doc block_list(const ast::Expr& list);

    // One item after a break: the comments before `begin` go with `separator`, and the comments
    // between `begin` and `end` that `build` did not place go on lines of their own before it. A
    // null `separator` is no break at all unless there are comments (the first item after '[').
    Piece piece(std::uint32_t begin, std::uint32_t end, Doc separator, const std::function<Doc()>& build);
    Doc joined(std::uint32_t begin, std::uint32_t end, Doc separator, const std::function<Doc()>& build);
    // One row, field, entry or refusal of a block, on a line of its own: as `piece`, and an empty
    // line the author left before it (or around its comments) is kept. `previous_end` is where the
    // item before it ended, or 0 for the first item.
    Doc block_item(std::uint32_t previous_end, std::uint32_t begin, std::uint32_t end,
                   const std::function<Doc()>& build);

    // Declarations (format_declarations.cpp).
    Doc manifest(const ast::Manifest& decl);
    Doc calendar(const ast::Calendar& decl);
    Doc enumeration(const ast::Enum& decl);
    Doc record(const ast::Record& decl);
    Doc input(const ast::Input& decl);
    Doc let(const ast::Let& decl);
    Doc decision(const ast::Decision& decl);
    Doc table(const ast::Table& decl);
    Doc output(const ast::Output& decl);
    Doc exclusive_sets(const ast::ExclusiveSets& decl);
    Doc exclusive_rows(const ast::ExclusiveRows& decl);

private:
    Doc operand(const ast::Expr& expr, int loosest);
    Doc chain(const ast::Expr& expr);
    Doc comparison(const ast::Expr& expr);
    Doc call(const ast::Expr& expr);
    Doc quantifier(const ast::Expr& expr);
    Doc if_then_else(const ast::Expr& expr);
    Doc list(const ast::Expr& expr);
    // A list's item `i`: the first in parentheses when it would make '[' read as a citation.
    Doc list_item(const ast::Expr& list, std::size_t i);
    Doc record_literal(const ast::Expr& expr);
    // The items of a list, record or call, separated by ", " and filled; each item starts at its
    // span and ends with its expression. `first_separator` as in `piece`.
    Doc items(const std::vector<const ast::Expr*>& items, const std::vector<Span>& spans,
              const std::function<Doc(std::size_t)>& build, Doc first_separator);
    Doc citation_after(const ast::Citation& citation, Doc separator);
    Doc refusal(const ast::Refusal& refusal);
    Doc row(const ast::Row& row);
    Doc field(const ast::Field& field);
    Doc table_key_value(const ast::TableEntry& entry);

    const Source& source_;
    CommentQueue& comments_;
    int width_;
};

// How a text is written in a rule file: in double quotes, with '"', '\', new line and tab escaped.
std::string quoted(const std::string& text);
// A type as written: "list of episode", "open_case or null".
std::string type_text(const TypeExpr& type);

}  // namespace frontdoor::dsl::format
