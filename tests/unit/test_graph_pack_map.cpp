// The graph as a map (issue #14 section 6), drawn through the public API for the bundled pack: rows
// with their conditions, input fields as nodes, a legend, and a scenario's path highlighted.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/graph.hpp"
#include "frontdoor/walkthrough.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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

TEST_CASE("the graph JSON says where each node is written, by file relative to the pack", "[graph]") {
    std::string dir = std::string(FRONTDOOR_SOURCE_DIR) + "/rules/hackney";
    auto loaded = frontdoor::Pack::load_directory(dir);
    REQUIRE(loaded.pack);
    auto graph = nlohmann::json::parse(loaded.pack->graph(frontdoor::GraphFormat::json));
    int rows = 0;
    for (const auto& vertex : graph["vertices"]) {
        INFO(vertex.dump());
        if (vertex["kind"] == "input field") {
            CHECK(vertex["source"].is_null());
            continue;
        }
        const auto& source = vertex["source"];
        REQUIRE(source.is_object());
        std::string file = source["file"];
        CHECK(file.find('/') == std::string::npos);
        std::string text = read_text(dir + "/" + file);
        // The line named, counted as an editor counts it, holds the node's row or name.
        std::size_t at = 0;
        for (int line = 1; line < source["line"].get<int>(); ++line) at = text.find('\n', at) + 1;
        std::string line = text.substr(at, text.find('\n', at) - at);
        std::string rest = line.substr(source["column"].get<std::size_t>() - 1);
        if (vertex["kind"] == "row") {
            ++rows;
            if (vertex["name"].is_string()) CHECK(rest.rfind("row " + vertex["name"].get<std::string>() + ":", 0) == 0);
        } else if (vertex["kind"] == "definition") {
            CHECK(rest.rfind(vertex["label"].get<std::string>(), 0) == 0);
        }
    }
    CHECK(rows > 20);
}
