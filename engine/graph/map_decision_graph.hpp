#pragma once
// The decision graph as a map a policy lead can read (`frontdoor graph`): every vertex of the
// decision graph, each row with its name, condition and citation, each input field read as a node
// of its own, and arrows from what is read to what reads it. Given an evaluation's trace, each node
// also says whether the contact's decision went through it. Worked out when drawn, never at load.
#include "engine/evaluate/trace.hpp"
#include "engine/load/compiled_pack.hpp"
#include "frontdoor/graph.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

// What one contact did at a node: `applied` (a row that applied, a definition settled, an input field
// read, an output given), `not_applied` (a row tried whose condition failed, a refusal rule checked
// that did not refuse), `not_tried` (untouched). `unknown` when no contact was given.
enum class PathState : std::uint8_t { unknown, applied, not_applied, not_tried };

// Where in the pack a node was written: the rule file (relative to the pack directory) and the 1-based
// line and column of the definition, row, output field, refusal or input declaration that made it.
struct MapSource {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct MapNode {
    VertexKind kind = VertexKind::definition;
    std::string label;                // "v row urgent_case", "x.level", "output v"
    std::string row_name;             // rows: `row NAME:`, empty when known by position
    std::string condition;            // rows: the condition as written; else "otherwise", "for each X in L" or "always"
    bool conditional = false;         // rows: `condition` is a condition (shown after "when")
    std::string citation;             // rows: the [source "..."] text, empty when none
    std::optional<MapSource> source;  // none for an input field (it is read, not written)
    PathState state = PathState::unknown;
};

// from -> to: `to` reads `from` (a fact flows from the input towards the output).
struct MapEdge {
    std::size_t from = 0, to = 0;
};

struct GraphMap {
    std::string pack;
    std::vector<MapNode> nodes;  // the decision graph's vertices by number, then the input fields
    std::vector<MapEdge> edges;
    std::vector<std::string> evaluation_order;
    bool highlighted = false;  // states are known (a contact was decided)
};

// The map of a compiled pack; with `trace` (one decided contact's), the path it took.
GraphMap map_decision_graph(const CompiledPack& pack, const Trace* trace);

// `text` cut to at most `limit` characters (code points) at a word, with "…" when cut.
std::string shorten_text(std::string_view text, std::size_t limit);

inline constexpr std::size_t graph_label_limit = graph_label_characters;

std::string map_to_dot(const GraphMap& map);
std::string map_to_json(const GraphMap& map);
// map_to_dot or map_to_json.
std::string draw_map(const GraphMap& map, GraphFormat format);

}  // namespace frontdoor::engine
