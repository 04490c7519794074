#include "engine/echo_value.hpp"

#include "frontdoor/input_limits.hpp"

namespace frontdoor::engine {

std::string echo_value(std::string_view value) {
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
