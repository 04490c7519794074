// `frontdoor graph`: the map of the decision graph as Graphviz DOT, with a legend that says in words
// what each shape and each highlight style means (never by colour alone).
#include "engine/graph/map_decision_graph.hpp"
#include "frontdoor/frontdoor.hpp"

#include <stdexcept>

namespace frontdoor::engine {

namespace {

const char* shape(VertexKind kind) {
    switch (kind) {
        case VertexKind::input:
        case VertexKind::input_field: return "cylinder";
        case VertexKind::row: return "note";
        case VertexKind::output: return "house";
        case VertexKind::refusal: return "octagon";
        default: return "box";
    }
}

// Control and bidirectional characters of a pack's text written as \u{1b}, so that no label can
// break a line or turn text around unseen.
std::string escape_controls(std::string_view text) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            out += "\\u{";
            if (c >= 0x10) out += hex[c >> 4];
            out += hex[c & 15];
            out += "}";
        } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
                   (text[i + 2] >= '\xAA' && text[i + 2] <= '\xAE')) {
            out += "\\u{202" + std::string(1, hex[static_cast<unsigned char>(text[i + 2]) - 0xA0]) + "}";
            i += 2;
        } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x81' &&
                   (text[i + 2] >= '\xA6' && text[i + 2] <= '\xA9')) {
            out += "\\u{206" + std::string(1, hex[static_cast<unsigned char>(text[i + 2]) - 0xA0]) + "}";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// A DOT string: quotes and backslashes escaped, each line end (of the lines a label is made of)
// written as \n, and <, >, & as entities, which Graphviz reads back in any string.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

const char* marker(PathState state) {
    switch (state) {
        case PathState::applied: return "\n(applied)";
        case PathState::not_applied: return "\n(tried, not applied)";
        default: return "";
    }
}

const char* highlight(PathState state) {
    switch (state) {
        case PathState::applied: return ", style=\"bold,filled\", penwidth=3, fillcolor=\"#d9ead3\"";
        case PathState::not_applied: return ", style=dashed, color=\"#777777\"";
        default: return "";
    }
}

// A row's node shows its name, its condition and citation cut to graph_label_limit; the tooltip
// holds both in full.
std::string node_line(std::size_t id, const MapNode& node) {
    std::string label = escape_controls(node.label), tooltip;
    if (node.kind == VertexKind::row) {
        std::string condition = escape_controls((node.conditional ? "when " : "") + node.condition);
        std::string citation = node.citation.empty() ? "" : "[" + escape_controls(node.citation) + "]";
        label += "\n" + shorten_text(condition, graph_label_limit);
        if (!citation.empty()) label += "\n" + shorten_text(citation, graph_label_limit);
        tooltip = condition + (citation.empty() ? "" : "\n" + citation);
    }
    std::string out = "n" + std::to_string(id) + " [label=" + quoted(label + marker(node.state)) +
                      ", shape=" + shape(node.kind) + highlight(node.state);
    if (!tooltip.empty()) out += ", tooltip=" + quoted(tooltip);
    return out + "];\n";
}

std::string legend(bool highlighted) {
    std::string out =
        "  subgraph cluster_legend {\n    label=\"Legend\";\n"
        "    legend_definition [label=\"box: a definition (let, table or decision)\", shape=box];\n"
        "    legend_row [label=\"note: a row of a decision\\nits name, when its condition\\n[its citation]\", "
        "shape=note];\n"
        "    legend_input [label=\"cylinder: the input, and each input field read\", shape=cylinder];\n"
        "    legend_output [label=\"house: a field of the output\", shape=house];\n"
        "    legend_refusal [label=\"octagon: a refusal rule of the input\", shape=octagon];\n"
        "    legend_arrow [label=\"an arrow runs from what is read to what reads it\", shape=plaintext];\n";
    if (highlighted)
        out += "    legend_applied [label=\"bold, filled, (applied): the contact went through it\\n(a row that "
               "applied, a definition worked out, a field read)\", shape=box" +
               std::string(highlight(PathState::applied)) +
               "];\n"
               "    legend_not_applied [label=\"dashed, (tried, not applied): tried for the contact and did not "
               "apply\", shape=box" +
               highlight(PathState::not_applied) +
               "];\n"
               "    legend_not_tried [label=\"plain, no marker: not tried for the contact\", shape=box];\n";
    return out + "  }\n";
}

}  // namespace

std::string map_to_dot(const GraphMap& map) {
    std::string out =
        "digraph " + quoted(escape_controls(map.pack)) + " {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
    std::string inputs, others;
    for (std::size_t v = 0; v < map.nodes.size(); ++v) {
        bool input = map.nodes[v].kind == VertexKind::input || map.nodes[v].kind == VertexKind::input_field;
        (input ? inputs : others) += (input ? "    " : "  ") + node_line(v, map.nodes[v]);
    }
    out += "  subgraph cluster_input {\n    label=\"input\";\n" + inputs + "  }\n" + others;
    for (const MapEdge& e : map.edges) {
        bool path = map.nodes[e.from].state == PathState::applied && map.nodes[e.to].state == PathState::applied;
        out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) +
               (path ? " [style=bold, penwidth=2]" : "") + ";\n";
    }
    return out + legend(map.highlighted) + "}\n";
}

std::string draw_map(const GraphMap& map, GraphFormat format) {
    switch (format) {
        case GraphFormat::dot: return map_to_dot(map);
        case GraphFormat::json: return map_to_json(map);
    }
    throw std::invalid_argument("Pack::graph: not a GraphFormat");
}

}  // namespace frontdoor::engine

namespace frontdoor {
GraphFormatChoice parse_graph_format(std::string_view name) {
    if (name == "dot") return {GraphFormat::dot, ""};
    if (name == "json") return {GraphFormat::json, ""};
    return {std::nullopt, "unknown graph format '" + std::string(name) + "'; the formats are dot and json"};
}

std::string Pack::graph(GraphFormat format) const {
    return engine::draw_map(engine::map_decision_graph(*impl_, nullptr), format);
}
}  // namespace frontdoor
