#pragma once
// What a scenario's expectation must match: the value itself, or a part of it given as
// {"contains": part} (frontdoor/testing.hpp, expectation_holds, says which parts).
#include <nlohmann/json.hpp>

namespace frontdoor::engine {

bool expectation_met(const nlohmann::json& expected, const nlohmann::json& actual);

}  // namespace frontdoor::engine
