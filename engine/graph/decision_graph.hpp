#pragma once
// The decision graph: one vertex per definition (let, decision, table), per decision row, per
// output field and per input refusal; an edge u -> v says "u reads v". Built with Boost.Graph, it
// gives the evaluation order (a topological sort), finds cycles and unused definitions, and is
// what `frontdoor graph` draws.
#include "dsl/checked_pack.hpp"
#include "dsl/diagnostics.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <string>
#include <vector>

namespace frontdoor::engine {

// input_field: never a vertex of the graph, only a node of its map (map_decision_graph.hpp).
enum class VertexKind { input, definition, row, output, refusal, input_field };

struct GraphVertex {
    VertexKind kind = VertexKind::definition;
    int definition = -1;  // slot, for definitions and rows
    int index = -1;       // row number, output field or refusal index
    std::string label;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, GraphVertex>;

struct DecisionGraph {
    Graph graph;
    std::vector<std::size_t> definition_vertex;  // by definition slot
    std::vector<int> evaluation_order;           // definition slots, each after what it reads
    std::vector<bool> needed;                    // by slot: read, directly or not, by the output or a refusal
};

// Builds the graph of a checked pack, reporting cycles (with every member named) and chains of
// definitions too deep to evaluate (check_evaluation_depth) as errors, and definitions nothing needs
// as warnings.
DecisionGraph build_decision_graph(const dsl::CheckedPack& pack, dsl::Diagnostics& diagnostics);

// Refuses a pack (an error at the definition that passes it) whose longest chain of definitions,
// each reading the next, nests more than dsl::max_evaluation_depth levels in all, counting each
// definition's deepest expression: deciding it could exhaust a thread's stack. Needs the
// evaluation order, so runs on a graph without cycles.
void check_evaluation_depth(const dsl::CheckedPack& pack, const DecisionGraph& graph, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
