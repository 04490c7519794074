// json_nests_deeper_than draws the line where the contact reader does (a value inside more than
// the limit's arrays and objects), counts nothing inside strings, and needs no valid JSON.
#include "engine/json/json_document.hpp"
#include "frontdoor/input_limits.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string nested(int levels, const std::string& inside) {
    return std::string(static_cast<std::size_t>(levels), '[') + inside +
           std::string(static_cast<std::size_t>(levels), ']');
}

bool reader_refuses(const std::string& text) {
    frontdoor::engine::JsonDocument document;
    return document.parse(text).has_value();
}

}  // namespace

TEST_CASE("json_nests_deeper_than agrees with the contact reader at the limit", "[json]") {
    int limit = frontdoor::InputLimits{}.nesting_depth;
    for (int levels : {limit - 1, limit, limit + 1, limit + 2}) {
        for (const std::string& inside : {std::string(), std::string("1"), std::string("{\"a\": true}")}) {
            std::string text = nested(levels, inside);
            INFO(levels << " levels around '" << inside << "'");
            CHECK(frontdoor::json_nests_deeper_than(text) == reader_refuses(text));
        }
    }
}

TEST_CASE("json_nests_deeper_than counts no bracket inside a string, and reads any text", "[json]") {
    std::string brackets_in_text = "{\"a\": \"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') + "\"}";
    CHECK_FALSE(frontdoor::json_nests_deeper_than(brackets_in_text));
    CHECK(frontdoor::json_nests_deeper_than(std::string(100000, '[')));
    CHECK_FALSE(frontdoor::json_nests_deeper_than(std::string(100000, ']')));
    CHECK_FALSE(frontdoor::json_nests_deeper_than("not json at all"));
    CHECK(frontdoor::json_nests_deeper_than("[[[1]]]", 2));
    CHECK_FALSE(frontdoor::json_nests_deeper_than("[[[]]]", 2));
}
