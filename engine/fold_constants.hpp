#pragma once
#include "engine/compiled_pack.hpp"

namespace frontdoor::engine {

// Computes, once per pack, every value that cannot depend on the input (see fold_constants.cpp).
void fold_constants(CompiledPack& pack);

}  // namespace frontdoor::engine
