#pragma once
// The comments of one rule file, handed out in source order to the places where the formatter can
// break a line. A policy lead's comments are part of the rules, so none is ever dropped: a comment
// the layout cannot hold where it was goes on a line of its own just before the construct it was in.
#include "dsl/format_doc.hpp"
#include "dsl/source.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace frontdoor::dsl::format {

struct Comment {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string text;       // from '#' to the end of the line, without trailing white space
    bool trailing = false;  // code comes before it on its line
    bool indented = false;  // it does not start in the first column
};

class CommentQueue {
public:
    CommentQueue(const Source& source, const std::vector<std::pair<Span, std::string>>& comments);

    // The comments not yet placed that start before `offset`, in order.
    std::vector<Comment> take_before(std::uint32_t offset);
    // What follows a declaration and still belongs to it: a comment ending its last line, then the
    // indented comments on lines of their own, up to `limit` or the first comment in column 1.
    std::vector<Comment> take_block_tail(std::uint32_t limit);
    // Whether an empty line lies between two offsets of the source.
    bool blank_between(std::uint32_t from, std::uint32_t to) const;

private:
    const Source& source_;
    std::vector<Comment> comments_;
    std::size_t next_ = 0;
};

// The separator before an item, carrying the comments before it (`before`) and the comments inside
// it that no inner break could hold (`inside`). The first comment before the item stays at the end
// of the previous line when it was at the end of a line in the source; the others get lines of their
// own just before the item. A separator that carries a comment always breaks. Without comments this
// is `separator` itself.
Doc separator_with(const std::vector<Comment>& before, const std::vector<Comment>& inside, Doc separator);

// A comment printed at the end of the line: two spaces, then the comment.
Doc trailing_comment(const Comment& comment);

}  // namespace frontdoor::dsl::format
