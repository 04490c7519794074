// The graph as a map (issue #14 section 6), drawn through the public API for the bundled pack: rows
// with their conditions, input fields as nodes, a legend, and a scenario's path highlighted.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/graph.hpp"
#include "frontdoor/walkthrough.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>

TEST_CASE("the Hackney graph shows rows with conditions, input fields and a scenario's path", "[graph]") {
    std::string dir = std::string(FRONTDOOR_SOURCE_DIR) + "/rules/hackney";
    auto loaded = frontdoor::Pack::load_directory(dir);
    REQUIRE(loaded.pack);
    std::string dot = loaded.pack->graph(frontdoor::GraphFormat::dot);
    CHECK_THAT(dot, Catch::Contains("shape=cylinder"));
    CHECK_THAT(dot, Catch::Contains("\\nwhen contact."));
    CHECK_THAT(dot, Catch::Contains("\\nfor each check in contact.partner_checks\\n"));
    CHECK_THAT(dot, Catch::Contains("subgraph cluster_legend {"));
    CHECK_THAT(dot, !Catch::Contains("(applied)"));
    std::string scenario = dir + "/scenarios/004-level-4-progress-to-s47.json";
    auto input = frontdoor::walkthrough_input(read_text(scenario), scenario);
    auto drawn = frontdoor::draw_decided_graph(*loaded.pack, frontdoor::GraphFormat::dot, input.contact);
    REQUIRE_FALSE(drawn.refused);
    CHECK_THAT(drawn.text, Catch::Contains("(applied)\", shape=note, style=\"bold,filled\""));
    CHECK_THAT(drawn.text, Catch::Contains("(tried, not applied)\", shape=note, style=dashed"));
    CHECK_THAT(drawn.text, Catch::Contains("legend_not_tried"));
}
