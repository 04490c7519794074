#pragma once
// What engine/decide.cpp defines besides Pack::decide: decide_value, which decides an input that
// was read, writing the decision JSON, and records a trace when `trace` is not null (the
// explanation is written from it).
#include "engine/compiled_pack.hpp"
#include "engine/read_input.hpp"
#include "engine/trace.hpp"

#include <optional>
#include <string>

namespace frontdoor::engine {

// The decision as JSON, or, for an input whose decision needs a working day beyond its calendar's
// holiday data, its refusal (refused_for_holiday_data) and no JSON.
struct DecideResult {
    std::string json;
    std::optional<InputRefusal> refusal;
};

DecideResult decide_value(const CompiledPack& pack, const Value& input, Trace* trace);

}  // namespace frontdoor::engine
