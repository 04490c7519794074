#pragma once
// The one way a refusal quotes a value from the input back to its sender (input validation, the
// JSON reader, dates and times): a 10 MB value never becomes a 10 MB error line. Header-only so
// that the calendar library, below the engine, uses it too.
#include <cstddef>
#include <string>
#include <string_view>

namespace frontdoor::engine {

// The most characters of a value a refusal shows.
inline constexpr std::size_t echoed_value_characters = 200;

// `value` as it is when it has at most echoed_value_characters characters; otherwise its first
// echoed_value_characters characters, cut at a character boundary (never inside a UTF-8
// sequence), then "… (N bytes)" with the whole value's size.
inline std::string echo_value(std::string_view value) {
    std::size_t characters = 0, cut = 0;
    while (cut < value.size()) {
        // A character starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        if ((static_cast<unsigned char>(value[cut]) & 0xC0) != 0x80 && characters++ == echoed_value_characters) break;
        ++cut;
    }
    if (cut == value.size()) return std::string(value);
    return std::string(value.substr(0, cut)) + "\u2026 (" + std::to_string(value.size()) + " bytes)";
}

}  // namespace frontdoor::engine
