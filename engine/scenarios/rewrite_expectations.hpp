#pragma once
// `test --update`: a scenario file's text with some of its expectations replaced, every other byte
// kept as it was, so that a diff of the file shows only the expectations that changed.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace frontdoor::engine {

// `text` with the value of each member `field` of the top-level object member `block` ("expect"
// or "expect_refusal") replaced by the given JSON value (its text as one line or indented with
// two spaces a level, as nlohmann writes it); the new value is indented to the line its member
// starts on. Nothing when `block` or one of the fields is not there exactly once.
std::optional<std::string> rewrite_expectations(std::string_view text, std::string_view block,
                                                const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace frontdoor::engine
