// The JSON cutter that lets replay compare decisions field by field without parsing them.
#include "engine/records/json_members.hpp"

#include <catch2/catch.hpp>

using namespace frontdoor::records;

TEST_CASE("top-level members are cut at their true ends", "[records]") {
    auto members = split_members(R"({"a":"x,}\"y","b":{"c":[1,{"d":"]"}]},"e":null, "f" : 12.5 })");
    REQUIRE(members.size() == 4);
    CHECK(members[0].first == "a");
    CHECK(members[0].second == R"("x,}\"y")");
    CHECK(members[1].second == R"({"c":[1,{"d":"]"}]})");
    CHECK(members[2].second == "null");
    CHECK(members[3].first == "f");
    CHECK(members[3].second == "12.5");
    CHECK(find_member(R"({"outcome":{"code":"x"}})", "outcome") == std::optional<std::string_view>(R"({"code":"x"})"));
    CHECK_FALSE(find_member(R"({"a":{"outcome":1}})", "outcome"));
}

TEST_CASE("array elements, strings and malformed text", "[records]") {
    auto elements = split_elements(R"([{"rule":"a, b"}, [1,2], "]" ])");
    REQUIRE(elements.size() == 3);
    CHECK(elements[0] == R"({"rule":"a, b"})");
    CHECK(elements[2] == R"("]")");
    CHECK(unquote(R"("caf\u00e9 \"x\"")") == "caf\xc3\xa9 \"x\"");
    CHECK(unquote("42") == "42");
    CHECK(split_members("[1]").empty());
    CHECK(split_members("{\"a\" 1}").empty());
    CHECK(split_elements("[}]").empty());
}
