// The graph as a map (issue #14 section 6): conditions cut at a word within the label limit, a
// pack's text escaped for DOT whatever it holds, and the Hackney pack's map with a scenario's path.
#include "engine/graph/map_decision_graph.hpp"
#include "frontdoor/graph.hpp"
#include "frontdoor/walkthrough.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>

using frontdoor::engine::shorten_text;

TEST_CASE("a long condition is cut at a word, with an ellipsis; a short one is left whole", "[graph]") {
    CHECK(shorten_text("x.level >= 3", 48) == "x.level >= 3");
    CHECK(shorten_text("x.level >= 3 and x.urgent", 16) == "x.level >= 3 and…");
    CHECK(shorten_text("x.level >= 3 and x.urgent", 15) == "x.level >= 3…");
    CHECK(shorten_text("contact.child.birth_date", 10) == "contact.ch…");
    // Characters, not bytes, and never half of one: "é" is two bytes.
    CHECK(shorten_text("ééééé ééé", 6) == "ééééé…");
    CHECK(shorten_text("éééééééé", 3) == "ééé…");
}

TEST_CASE("labels are escaped for DOT: quotes, backslashes, <, >, control and bidirectional characters", "[graph]") {
    frontdoor::engine::GraphMap map;
    map.pack = "p\"q";
    map.nodes.emplace_back();
    map.nodes.back().label = "a\"b\\c<d>&e\x1b\n\xE2\x80\xAEz";
    std::string dot = frontdoor::engine::map_to_dot(map);
    CHECK_THAT(dot, Catch::StartsWith("digraph \"p\\\"q\" {\n"));
    CHECK_THAT(dot,
               Catch::Contains("n0 [label=\"a\\\"b\\\\c&lt;d&gt;&amp;e\\\\u{1b}\\\\u{a}\\\\u{202e}z\", shape=box];"));
}

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
