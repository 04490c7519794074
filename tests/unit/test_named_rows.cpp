// Named rows (`row NAME:`) in the faces that people read: the graph's row nodes and a walkthrough's
// rows tried are called by their names; a row without a name keeps its position.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/walkthrough.hpp"

#include <catch2/catch.hpp>

namespace {

const frontdoor::Pack& named_rows_pack() {
    static auto result =
        frontdoor::Pack::load_directory(std::string(FRONTDOOR_SOURCE_DIR) + "/tests/golden/eval/named-rows");
    REQUIRE(result.pack);
    return *result.pack;
}

}  // namespace

TEST_CASE("the graph labels a named row by its name and an unnamed one by its position", "[named-rows]") {
    std::string dot = named_rows_pack().graph(frontdoor::GraphFormat::dot);
    CHECK_THAT(dot, Catch::Contains("[label=\"v row urgent_case\\nwhen x.urgent\\n[s1]\", shape=note"));
    CHECK_THAT(dot, Catch::Contains("[label=\"v row 2\\nwhen x.level &gt;= 3\\n[s2]\", shape=note"));
    CHECK_THAT(dot, Catch::Contains("[label=\"w row level_two_adds\\nwhen x.level = 2\\n[c2]\", shape=note"));
}

TEST_CASE("a walkthrough calls the rows tried by their names", "[named-rows]") {
    frontdoor::Walkthrough w = frontdoor::walk_through(named_rows_pack(), R"({"urgent": false, "level": 2})");
    REQUIRE_FALSE(w.refused);
    std::string text = frontdoor::render_walkthrough(w, "named rows", false, false);
    CHECK_THAT(text, Catch::Contains("✗ row urgent_case does not apply: x.urgent does not hold"));
    CHECK_THAT(text, Catch::Contains("✗ row 2 does not apply: x.level >= 3 does not hold"));
    CHECK_THAT(text, Catch::Contains("✓ row level_two applies: x.level = 2"));
    CHECK_THAT(text, Catch::Contains("w: row level_two_adds adds"));
}
