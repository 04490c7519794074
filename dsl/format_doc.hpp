#pragma once
// A small pretty-printing document, after Wadler's "A prettier printer" and the JavaScript tool
// prettier: text, line breaks that are taken only when their group does not fit the page, nesting,
// alignment, fills (break only where the next piece would not fit) and comments held back to the
// end of the line. The formatter builds one document per rule file and renders it at one width, so
// the layout depends only on the syntax tree and its comments, never on how the file was laid out.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::dsl::format {

struct DocNode;
using Doc = std::shared_ptr<const DocNode>;

enum class DocKind { text, line, concat, nest, align, group, fill, line_suffix };

struct DocNode {
    DocKind kind = DocKind::text;
    std::string text;        // text; line: what it prints when not broken; line_suffix: the comment
    bool hard = false;       // a line that always breaks, or anything that contains one (or a comment
                             // held for the line's end): every group around it breaks
    int indent = 0;          // nest: how much deeper following lines start
    std::vector<Doc> parts;  // concat; fill: content, separator, content, ...; nest, align, group: one
};

Doc text(std::string s);
// A break: `flat` when its group fits on the line, otherwise a new line at the current indentation.
Doc line(std::string flat = " ");
Doc softline();
Doc hardline();
Doc concat(std::vector<Doc> parts);
Doc nest(int by, Doc doc);
// Following lines of `doc` start in the column where `doc` starts.
Doc align(Doc doc);
// Printed on one line when it fits, otherwise with every line break of its own taken.
Doc group(Doc doc);
// Content, separator, content, ...: each separator breaks only when the content after it would not
// fit on the line (or holds a comment).
Doc fill(std::vector<Doc> parts);
// A comment that ends the current line: printed just before the next line break.
Doc line_suffix(std::string comment);

// Columns taken by UTF-8 text: one per code point (citations hold '§').
int display_width(std::string_view text);

// Renders at `width` columns; lines carry no trailing spaces and the result ends without a newline.
std::string render(const Doc& doc, int width);

}  // namespace frontdoor::dsl::format
