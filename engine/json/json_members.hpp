#pragma once
// Cutting a JSON text into its top-level members or elements without building a DOM. Comparing
// two decisions field by field is then a comparison of byte ranges: the engine writes JSON
// deterministically, so equal values are equal bytes. That keeps replay at tens of thousands of
// decisions a second.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace frontdoor::records {

// Each member's key (without its quotes, escapes left as written) and its raw value text. Empty
// when `object` is not a JSON object.
std::vector<std::pair<std::string_view, std::string_view>> split_members(std::string_view object);
// The raw text of each element of a JSON array. Empty when `array` is not one.
std::vector<std::string_view> split_elements(std::string_view array);
// The raw value of member `key`, if `object` has it.
std::optional<std::string_view> find_member(std::string_view object, std::string_view key);
// The text of a JSON string value (escapes resolved); other values are returned as written.
std::string unquote(std::string_view value);

}  // namespace frontdoor::records
