#pragma once
// The decision graph as a map for one input: Pack::graph (frontdoor.hpp) draws a pack's definitions,
// rows (name, condition, citation), outputs, refusals and the input fields read, with a legend
// (docs/language.md, "The graph as a map"); draw_decided_graph draws the same with the path one
// input took.
#include "frontdoor/frontdoor.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace frontdoor {

// The most characters of a row's condition or citation a DOT label shows, cut at a word with "…";
// the full text is in the node's tooltip (and in the JSON).
inline constexpr std::size_t graph_label_characters = 48;

// The graph with an input's path, or the input's refusal (in Decided's words) and no graph.
struct DrawnGraph {
    bool refused = false;
    std::string path;     // refusals: JSON pointer ("" = the whole document)
    std::string message;  // refusals: what was expected
    std::string text;     // the graph, when not refused
};

// Decides `input_json` with `pack` and draws its graph with the path it took: each node applied
// (bold, filled, "(applied)"), tried and not applied (dashed, "(tried, not applied)") or not tried
// (plain); in JSON, a "state" on each vertex. Thread-safe. A refused input is a result, never an
// exception; throws std::bad_alloc, or (a bug in Frontdoor) a std::logic_error from the engine.
DrawnGraph draw_decided_graph(const Pack& pack, GraphFormat format, std::string_view input_json);

}  // namespace frontdoor
