#pragma once
// Reading PEGTL's parse-tree nodes, for the files that turn them into the syntax tree
// (dsl/parse_tree_to_*.cpp).
#include "dsl/parse_tree_to_ast.hpp"

#include <string>
#include <string_view>

namespace frontdoor::dsl {

// The text without the white space after it.
inline std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return std::string(text);
}

inline const ParseNode* find_child(const ParseNode& node, auto predicate) {
    for (const auto& child : node.children)
        if (predicate(*child)) return child.get();
    return nullptr;
}

// The first child that is a `Rule`, or null.
template <typename Rule>
const ParseNode* child_of(const ParseNode& node) {
    return find_child(node, [](const ParseNode& c) { return c.is_type<Rule>(); });
}

}  // namespace frontdoor::dsl
