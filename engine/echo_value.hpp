#pragma once
// The one way a refusal quotes a value from the input back to its sender.
#include <string>
#include <string_view>

namespace frontdoor::engine {

// `value` as it is when it has at most echoed_value_characters characters (frontdoor/input_limits.hpp);
// otherwise its first echoed_value_characters characters, cut at a character boundary, then
// "… (N bytes)" with the whole value's size.
std::string echo_value(std::string_view value);

}  // namespace frontdoor::engine
