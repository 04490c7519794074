#include "dsl/format_comments.hpp"

#include <algorithm>

namespace frontdoor::dsl::format {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

CommentQueue::CommentQueue(const Source& source, const std::vector<std::pair<Span, std::string>>& comments)
    : source_(source) {
    const std::string& text = source.text();
    for (const auto& [span, body] : comments) {
        Comment comment;
        comment.begin = span.begin;
        comment.end = span.end;
        comment.text = body;
        while (!comment.text.empty() && is_space(comment.text.back())) comment.text.pop_back();
        std::uint32_t at = span.begin;
        while (at > 0 && text[at - 1] != '\n') {
            --at;
            if (!is_space(text[at])) comment.trailing = true;
        }
        comment.indented = span.begin > 0 && text[span.begin - 1] != '\n';
        comments_.push_back(std::move(comment));
    }
    std::sort(comments_.begin(), comments_.end(), [](const Comment& a, const Comment& b) { return a.begin < b.begin; });
}

std::vector<Comment> CommentQueue::take_before(std::uint32_t offset) {
    std::vector<Comment> taken;
    while (next_ < comments_.size() && comments_[next_].begin < offset) taken.push_back(comments_[next_++]);
    return taken;
}

std::vector<Comment> CommentQueue::take_block_tail(std::uint32_t limit) {
    std::vector<Comment> taken;
    while (next_ < comments_.size() && comments_[next_].begin < limit) {
        const Comment& comment = comments_[next_];
        bool ends_last_line = taken.empty() && comment.trailing;
        if (!ends_last_line && (comment.trailing || !comment.indented)) break;
        taken.push_back(comments_[next_++]);
    }
    return taken;
}

bool CommentQueue::blank_between(std::uint32_t from, std::uint32_t to) const {
    const std::string& text = source_.text();
    bool line_empty = false;
    for (std::uint32_t at = from; at < to && at < text.size(); ++at) {
        char c = text[at];
        if (c == '\n') {
            if (line_empty) return true;
            line_empty = true;
        } else if (!is_space(c)) {
            line_empty = false;
        }
    }
    return false;
}

Doc trailing_comment(const Comment& comment) { return line_suffix("  " + comment.text); }

Doc separator_with(const std::vector<Comment>& before, const std::vector<Comment>& inside, Doc separator) {
    if (before.empty() && inside.empty()) return separator;
    std::vector<Doc> parts;
    std::size_t first_own_line = 0;
    if (!before.empty() && before.front().trailing) {
        parts.push_back(trailing_comment(before.front()));
        first_own_line = 1;
    }
    parts.push_back(std::move(separator));
    for (std::size_t i = first_own_line; i < before.size(); ++i) {
        parts.push_back(text(before[i].text));
        parts.push_back(hardline());
    }
    for (const Comment& comment : inside) {
        parts.push_back(text(comment.text));
        parts.push_back(hardline());
    }
    return concat(std::move(parts));
}

}  // namespace frontdoor::dsl::format
