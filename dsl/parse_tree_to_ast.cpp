// What the parse-tree conversion shares: spans, quoted texts and integers. Expressions are
// converted in dsl/parse_tree_to_expressions.cpp, declarations in dsl/parse_tree_to_declarations.cpp.
#include "dsl/parse_tree_nodes.hpp"

#include "dsl/grammar.hpp"
#include "dsl/scan_rule_text.hpp"

namespace frontdoor::dsl {

using namespace grammar;

Span TreeConverter::span(const ParseNode& node) const {
    auto begin = static_cast<std::uint32_t>(node.m_begin.byte);
    // Tokens carry trailing white space and comments; a span ends where its last real token ends.
    return Span{file_, begin, begin + static_cast<std::uint32_t>(end_of_tokens(node.string_view()))};
}

std::string TreeConverter::unquote(const ParseNode& node) {
    std::string_view raw = node.string_view();
    std::string out;
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 2 < raw.size()) {
            char e = raw[++i];
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
            out += raw[i];
        }
    }
    return out;
}

std::int64_t TreeConverter::integer(const ParseNode& node) {
    std::int64_t value = 0;
    for (char c : node.string_view()) {
        if (c < '0' || c > '9') break;
        if (value > (INT64_MAX - 9) / 10) {
            diagnostics_.error(span(node), "this number is too large");
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace frontdoor::dsl
