#pragma once
// The last pass of checking: every expression and citation of the checked tree gets a dense id
// (Expr::id, Citation::id, from 0 in declaration order), so that later stages keep what they work
// out about one in their own arrays, indexed by id, and never write into the tree.
#include "dsl/checked_pack.hpp"

namespace frontdoor::dsl {

// Before: ids -1. After: every expression reachable from a declaration numbered 0 ..
// pack.expression_count - 1, every citation 0 .. pack.citation_count - 1.
void number_expressions(CheckedPack& pack);

}  // namespace frontdoor::dsl
