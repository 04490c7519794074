#pragma once
// Decides an input that was read, writing the decision JSON; records a trace when `trace` is not
// null (the explanation is written from it).
#include "engine/compiled_pack.hpp"
#include "engine/trace.hpp"

#include <string>

namespace frontdoor::engine {

std::string decide_value(const CompiledPack& pack, const Value& input, Trace* trace);

}  // namespace frontdoor::engine
