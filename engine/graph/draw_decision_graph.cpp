// `frontdoor graph`: the decision graph as Graphviz DOT or as JSON.
#include "engine/graph/decision_graph.hpp"
#include "engine/load/compiled_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace frontdoor::engine {

namespace {
const char* kind_name(VertexKind kind) {
    switch (kind) {
        case VertexKind::input: return "input";
        case VertexKind::definition: return "definition";
        case VertexKind::row: return "row";
        case VertexKind::output: return "output";
        case VertexKind::refusal: return "refusal";
    }
    return "?";
}
const char* shape(VertexKind kind) {
    switch (kind) {
        case VertexKind::input: return "cylinder";
        case VertexKind::row: return "note";
        case VertexKind::output: return "house";
        case VertexKind::refusal: return "octagon";
        default: return "box";
    }
}
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
}
}  // namespace

std::string graph_to_dot(const DecisionGraph& graph, const std::string& pack_name) {
    const Graph& g = graph.graph;
    std::string out = "digraph " + quoted(pack_name) + " {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v)
        out += "  n" + std::to_string(v) + " [label=" + quoted(g[v].label) + ", shape=" + shape(g[v].kind) + "];\n";
    for (auto [e, end] = boost::edges(g); e != end; ++e)
        out += "  n" + std::to_string(boost::source(*e, g)) + " -> n" + std::to_string(boost::target(*e, g)) + ";\n";
    return out + "}\n";
}

std::string graph_to_json(const DecisionGraph& graph, const std::string& pack_name) {
    const Graph& g = graph.graph;
    nlohmann::ordered_json out = {{"pack", pack_name}};
    nlohmann::ordered_json vertices = nlohmann::ordered_json::array();
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v)
        vertices.push_back({{"id", v}, {"kind", kind_name(g[v].kind)}, {"label", g[v].label}});
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (auto [e, end] = boost::edges(g); e != end; ++e)
        edges.push_back({{"from", boost::source(*e, g)}, {"to", boost::target(*e, g)}});
    out["vertices"] = vertices;
    out["edges"] = edges;
    nlohmann::ordered_json order = nlohmann::ordered_json::array();
    for (int slot : graph.evaluation_order) order.push_back(g[graph.definition_vertex[slot]].label);
    out["evaluation_order"] = order;
    return out.dump(2) + "\n";
}

}  // namespace frontdoor::engine

namespace frontdoor {
GraphFormatChoice parse_graph_format(std::string_view name) {
    if (name == "dot") return {GraphFormat::dot, ""};
    if (name == "json") return {GraphFormat::json, ""};
    return {std::nullopt, "unknown graph format '" + std::string(name) + "'; the formats are dot and json"};
}

std::string Pack::graph(GraphFormat format) const {
    switch (format) {
        case GraphFormat::dot: return engine::graph_to_dot(impl_->graph, impl_->name);
        case GraphFormat::json: return engine::graph_to_json(impl_->graph, impl_->name);
    }
    throw std::invalid_argument("Pack::graph: not a GraphFormat");
}
}  // namespace frontdoor
