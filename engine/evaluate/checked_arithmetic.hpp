#pragma once
// Integer arithmetic that reports overflow instead of wrapping: every +, - and * the evaluator does
// on 64-bit integers, durations and instants goes through these. Each is one add (or multiply) and
// one branch on the processor's overflow flag. They return false on overflow, leaving `out` unset
// for the caller to refuse.
#include "engine/evaluate/compiler_hints.hpp"

#include <cstdint>

namespace frontdoor::engine::checked {

[[nodiscard]] inline bool add(std::int64_t a, std::int64_t b, std::int64_t& out) {
    return !hints::add_overflows(a, b, out);
}
[[nodiscard]] inline bool subtract(std::int64_t a, std::int64_t b, std::int64_t& out) {
    return !hints::subtract_overflows(a, b, out);
}
[[nodiscard]] inline bool multiply(std::int64_t a, std::int64_t b, std::int64_t& out) {
    return !hints::multiply_overflows(a, b, out);
}
[[nodiscard]] inline bool negate(std::int64_t a, std::int64_t& out) { return !hints::subtract_overflows(0, a, out); }

}  // namespace frontdoor::engine::checked
