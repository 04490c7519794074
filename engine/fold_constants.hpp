#pragma once
#include "dsl/diagnostics.hpp"
#include "engine/compiled_pack.hpp"

namespace frontdoor::engine {

// Computes, once per pack, every value that cannot depend on the input (see fold_constants.cpp).
// A constant that overflows or leaves the range of dates (OutOfRange) is an error at its expression.
void fold_constants(CompiledPack& pack, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
