// The graph as a map (issue #14 section 6): conditions cut at a word within the label limit, a
// pack's text escaped for DOT whatever it holds (tests/unit/test_graph_pack_map.cpp draws a whole pack's map).
#include "engine/graph/map_decision_graph.hpp"
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
