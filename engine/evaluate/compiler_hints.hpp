#pragma once
// Every use of a compiler's own extensions in the engine, in one place: g++ and clang both provide
// these (the fuzz build is clang's). Code elsewhere calls these functions and names no builtin.
#include <cstdint>

namespace frontdoor::engine::hints {

// Asks the processor to start loading the cache line at `address`, without waiting for it.
inline void prefetch(const void* address) {
    __builtin_prefetch(address);
    // GCC counts a prefetch as free of effects, so that a function of prefetches alone is taken for
    // pure and its calls dropped; this empty statement keeps them.
    asm volatile("" : : "r"(address));
}

// 64-bit integer arithmetic with the processor's overflow flag: true when the exact result does not
// fit, `out` then holding the wrapped value (which the caller must not use).
[[nodiscard]] inline bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t& out) {
    return __builtin_add_overflow(a, b, &out);
}
[[nodiscard]] inline bool subtract_overflows(std::int64_t a, std::int64_t b, std::int64_t& out) {
    return __builtin_sub_overflow(a, b, &out);
}
[[nodiscard]] inline bool multiply_overflows(std::int64_t a, std::int64_t b, std::int64_t& out) {
    return __builtin_mul_overflow(a, b, &out);
}

}  // namespace frontdoor::engine::hints
