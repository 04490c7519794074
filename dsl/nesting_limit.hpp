#pragma once
// How deeply a rule file may nest expressions and types (docs/security.md, "Nesting").
//
// The parser, the syntax-tree conversion, the checker, the formatter, constant folding, evaluation
// and explanation all recurse once per level, so without a bound a hostile or mistaken file
// (`not not not ...` 100,000 times) would exhaust the stack. The one limit is enforced twice,
// both times before any pass recurses past it:
//  - while parsing (dsl/parse.cpp), on the grammar's two recursion points: every nested
//    expression (inside brackets, `if`, `not`, a call, a quantifier, a list or record literal)
//    enters `negation`, and every nested type (`list of`, `set of`) enters `type_expr`;
//  - while building the syntax tree (dsl/parse_tree_to_ast.cpp), on what the parser reads without
//    recursing but the tree nests: `a + b + c` is `(a + b) + c` and `x.a.b` reads `b` of `x.a`,
//    so each operator of a chain and each field read is one level too.
// A later pass over an expression therefore recurses at most max_nesting_depth + 1 levels
// (ast::Expr::depth), and over a type at most max_nesting_depth + 1.
#include "dsl/ast.hpp"

#include <cstdint>

namespace frontdoor::dsl {

// 64 levels: the bundled sample pack nests at most 5. At the limit the deepest pass (PEGTL on 64 brackets)
// needs under 200 KB of stack in the release build and a few times that under the sanitizers:
// well inside an 8 MiB main stack, and inside a worker thread's stack of 1 MiB or more.
inline constexpr int max_nesting_depth = 64;

// The levels a decision may recurse through in all, across definitions (docs/security.md,
// "Nesting"): a definition is computed when first read, from inside the expression that reads it,
// so the longest chain of definitions, each reading the next, adds up their expressions' depths
// (ast::Expr::depth, at least 1 each). engine/graph/check_evaluation_depth.cpp refuses a pack past it at
// load, so that the stack a decision needs does not grow with the size of the pack.
// 128 levels: the bundled sample pack's deepest chain is 5 definitions, 24 levels. Measured on the release
// build at the limit (`ulimit -s` on `frontdoor eval` and `check`), the costliest construct, a chain
// of quantifiers, needs 211 KB of stack, a chain of one-level definitions 143 KB; the parser needs
// 160 KB at max_nesting_depth. So no pack that loads needs more than 211 KB to load and decide:
// inside a worker thread's 1 MiB, with room for the sanitizer build's larger frames.
inline constexpr int max_evaluation_depth = 128;

// What the parser counts: expressions and types entered and not yet left.
struct NestingDepth {
    int expressions = 0;
    int types = 0;
};

// Syntax-tree depth of an expression whose operands already carry theirs (1 for a leaf).
inline int depth_of(const ast::Expr& expr) {
    int deepest = 0;
    for (const auto& arg : expr.args) deepest = arg->depth > deepest ? arg->depth : deepest;
    for (const auto& key : expr.keys) deepest = key->depth > deepest ? key->depth : deepest;
    for (const auto& field : expr.fields) deepest = field.second->depth > deepest ? field.second->depth : deepest;
    return deepest + 1;
}

}  // namespace frontdoor::dsl
