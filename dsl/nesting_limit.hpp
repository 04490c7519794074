#pragma once
namespace frontdoor::dsl {
inline constexpr int max_nesting_depth = 64;
}
