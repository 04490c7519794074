// `frontdoor graph --format json`: the same map as the DOT, for programs: each node's kind and label,
// a row's name, condition and citation, and with a contact what it did at each node.
#include "engine/graph/map_decision_graph.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::engine {

namespace {

const char* kind_name(VertexKind kind) {
    switch (kind) {
        case VertexKind::input: return "input";
        case VertexKind::input_field: return "input field";
        case VertexKind::definition: return "definition";
        case VertexKind::row: return "row";
        case VertexKind::output: return "output";
        case VertexKind::refusal: return "refusal";
    }
    return "?";
}

const char* state_name(PathState state) {
    switch (state) {
        case PathState::applied: return "applied";
        case PathState::not_applied: return "not applied";
        case PathState::not_tried: return "not tried";
        case PathState::unknown: break;
    }
    return "";
}

nlohmann::ordered_json or_null(const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

}  // namespace

std::string map_to_json(const GraphMap& map) {
    nlohmann::ordered_json out = {{"pack", map.pack}};
    nlohmann::ordered_json vertices = nlohmann::ordered_json::array();
    for (std::size_t v = 0; v < map.nodes.size(); ++v) {
        const MapNode& node = map.nodes[v];
        nlohmann::ordered_json vertex = {{"id", v}, {"kind", kind_name(node.kind)}, {"label", node.label}};
        if (node.kind == VertexKind::row) {
            vertex["name"] = or_null(node.row_name);
            vertex["condition"] = node.condition;
            vertex["citation"] = or_null(node.citation);
        }
        vertex["source"] = node.source ? nlohmann::ordered_json{{"file", node.source->file},
                                                                {"line", node.source->line},
                                                                {"column", node.source->column}}
                                       : nlohmann::ordered_json(nullptr);
        if (map.highlighted) vertex["state"] = state_name(node.state);
        vertices.push_back(std::move(vertex));
    }
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (const MapEdge& e : map.edges) edges.push_back({{"from", e.from}, {"to", e.to}});
    out["vertices"] = vertices;
    out["edges"] = edges;
    out["evaluation_order"] = map.evaluation_order;
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace frontdoor::engine
