#pragma once
// Turns PEGTL's generic parse tree into the syntax tree. Kept apart from the parse driver so that
// PEGTL's tree type stays inside dsl/.
#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

namespace frontdoor::dsl {

using ParseNode = tao::pegtl::parse_tree::node;

// Thrown when an expression's syntax tree would nest deeper than max_nesting_depth
// (dsl/nesting_limit.hpp): the declaration is dropped and reported, like one with a syntax error.
struct NestingTooDeep {
    Span at;
    std::string message;
};

class TreeConverter {
public:
    TreeConverter(std::uint32_t file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}
    void declaration(const ParseNode& node, ast::Pack& pack);
    ast::ExprPtr expression(const ParseNode& node);

private:
    Span span(const ParseNode& node) const;
    std::string unquote(const ParseNode& node);
    std::int64_t integer(const ParseNode& node);
    TypeExpr type(const ParseNode& node);
    ast::Citation citation(const ParseNode* node);
    // The label in `node`'s children, if one was declared.
    ast::Label label(const ParseNode& node);
    ast::ExprPtr binary_chain(const ParseNode& node);
    ast::ExprPtr comparison(const ParseNode& node);
    ast::ExprPtr primary(const ParseNode& node);
    ast::ExprPtr quantifier(const ParseNode& node);
    ast::ExprPtr duration(const ParseNode& node);
    ast::ExprPtr literal_time(const ParseNode& node, ast::ExprKind kind);
    // Sets the depth of `expr`, whose operands are built, or throws NestingTooDeep at `at`.
    ast::ExprPtr nested(ast::ExprPtr expr, Span at) const;
    void pack(const ParseNode& node, ast::Pack& out);
    void calendar(const ParseNode& node, ast::Pack& out);
    void enumeration(const ParseNode& node, ast::Pack& out);
    void record(const ParseNode& node, ast::Pack& out);
    void input(const ParseNode& node, ast::Pack& out);
    void let(const ParseNode& node, ast::Pack& out);
    void decision(const ParseNode& node, ast::Pack& out);
    void table(const ParseNode& node, ast::Pack& out);
    void output(const ParseNode& node, ast::Pack& out);
    void exclusive_sets(const ParseNode& node, ast::Pack& out);
    void exclusive_rows(const ParseNode& node, ast::Pack& out);

    std::uint32_t file_;
    Diagnostics& diagnostics_;
};

}  // namespace frontdoor::dsl
