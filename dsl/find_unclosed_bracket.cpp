#include "dsl/find_unclosed_bracket.hpp"

#include "dsl/scan_rule_text.hpp"

#include <vector>

namespace frontdoor::dsl {

namespace {

char partner(char closing) {
    switch (closing) {
        case ')': return '(';
        case ']': return '[';
        case '}': return '{';
        default: return 0;
    }
}

}  // namespace

std::optional<std::uint32_t> find_unclosed_bracket(std::string_view text, std::uint32_t from, std::uint32_t to,
                                                   char closing) {
    std::vector<std::uint32_t> open;
    RuleTextScanner scanner(text, from);
    for (RuleTextSegment segment; scanner.next(segment) && segment.begin < to;) {
        if (segment.kind != SegmentKind::code) continue;
        for (std::size_t at = segment.begin; at < segment.end && at < to; ++at) {
            char c = text[at];
            if (c == '(' || c == '[' || c == '{') {
                open.push_back(static_cast<std::uint32_t>(at));
            } else if (partner(c) && !open.empty() && text[open.back()] == partner(c)) {
                open.pop_back();  // a closer of the wrong kind is the parser's business, not ours
            }
        }
    }
    if (open.empty() || partner(closing) == 0 || text[open.back()] != partner(closing)) return std::nullopt;
    return open.back();
}

}  // namespace frontdoor::dsl
