#include "dsl/scan_rule_text.hpp"

namespace frontdoor::dsl {

namespace {

bool is_escaped_char(char c) { return c == '"' || c == '\\' || c == 'n' || c == 't'; }

}  // namespace

bool RuleTextScanner::next(RuleTextSegment& segment) {
    if (at_ >= text_.size()) return false;
    if (text_[at_] == '#') {
        segment = {SegmentKind::comment, at_, comment_end(at_), true};
    } else if (text_[at_] == '"') {
        segment = text_literal(at_);
    } else {
        std::size_t end = text_.find_first_of("#\"", at_);
        segment = {SegmentKind::code, at_, end == std::string_view::npos ? text_.size() : end, true};
    }
    at_ = segment.end;
    return true;
}

// `until<eolf>`: the comment's body stops before "\n" or "\r\n"; a lone carriage return is part of it.
std::size_t RuleTextScanner::comment_end(std::size_t begin) const {
    std::size_t end = text_.find('\n', begin);
    if (end == std::string_view::npos) return text_.size();
    return text_[end - 1] == '\r' ? end - 1 : end;  // end > begin: text_[begin] is '#'
}

// `string_lit`: '"', then escapes or any byte but '"', '\', line feed and carriage return, then '"'.
RuleTextSegment RuleTextScanner::text_literal(std::size_t begin) const {
    std::size_t at = begin + 1;
    while (at < text_.size()) {
        char c = text_[at];
        if (c == '"') return {SegmentKind::text, begin, at + 1, true};
        if (c == '\n' || c == '\r') break;
        if (c == '\\') {
            if (at + 1 >= text_.size() || !is_escaped_char(text_[at + 1])) break;
            ++at;
        }
        ++at;
    }
    return {SegmentKind::text, begin, at, false};
}

std::size_t first_token_at(std::string_view text, std::size_t from) {
    RuleTextScanner scanner(text, from);
    for (RuleTextSegment segment; scanner.next(segment);) {
        if (segment.kind == SegmentKind::text) return segment.begin;
        if (segment.kind == SegmentKind::comment) continue;
        for (std::size_t at = segment.begin; at < segment.end; ++at)
            if (!is_blank(text[at])) return at;
    }
    return text.size();
}

std::size_t end_of_tokens(std::string_view text) {
    std::size_t end = 0;
    RuleTextScanner scanner(text);
    for (RuleTextSegment segment; scanner.next(segment);) {
        if (segment.kind == SegmentKind::text) end = segment.end;
        if (segment.kind != SegmentKind::code) continue;
        for (std::size_t at = segment.end; at > segment.begin; --at) {
            if (!is_blank(text[at - 1])) {
                end = at;
                break;
            }
        }
    }
    return end;
}

}  // namespace frontdoor::dsl
