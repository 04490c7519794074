#include "engine/graph/decision_graph.hpp"

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <set>

namespace frontdoor::engine {

namespace ast = dsl::ast;

namespace {

void definitions_read(const ast::Expr* expr, std::set<int>& out) {
    if (!expr) return;
    if ((expr->kind == ast::ExprKind::name && expr->resolved.kind == ast::NameKind::definition) ||
        (expr->kind == ast::ExprKind::call && expr->resolved.builtin == ast::Builtin::table_lookup))
        out.insert(expr->resolved.index);
    for (const auto& arg : expr->args) definitions_read(arg.get(), out);
    for (const auto& key : expr->keys) definitions_read(key.get(), out);
    for (const auto& [name, value] : expr->fields) definitions_read(value.get(), out);
}

// Records tree edges so that a back edge u -> v can be walked back into the cycle v .. u.
struct CycleFinder : boost::default_dfs_visitor {
    std::vector<std::size_t>* parent;
    std::vector<std::vector<std::size_t>>* cycles;
    void tree_edge(Graph::edge_descriptor e, const Graph& g) { (*parent)[boost::target(e, g)] = boost::source(e, g); }
    void back_edge(Graph::edge_descriptor e, const Graph& g) {
        std::vector<std::size_t> cycle;
        std::size_t from = boost::source(e, g), to = boost::target(e, g);
        for (std::size_t v = from; v != to; v = (*parent)[v]) cycle.push_back(v);
        cycle.push_back(to);
        std::reverse(cycle.begin(), cycle.end());
        cycles->push_back(cycle);
    }
};

}  // namespace

DecisionGraph build_decision_graph(const dsl::CheckedPack& pack, dsl::Diagnostics& diagnostics) {
    DecisionGraph out;
    Graph& g = out.graph;
    auto input = boost::add_vertex(GraphVertex{VertexKind::input, -1, -1, pack.input_name}, g);
    for (std::size_t slot = 0; slot < pack.definitions.size(); ++slot)
        out.definition_vertex.push_back(boost::add_vertex(
            GraphVertex{VertexKind::definition, static_cast<int>(slot), -1, pack.definitions[slot].name}, g));
    auto link = [&](std::size_t from, const std::set<int>& reads) {
        for (int slot : reads) boost::add_edge(from, out.definition_vertex[slot], g);
    };
    for (std::size_t slot = 0; slot < pack.definitions.size(); ++slot) {
        const dsl::Definition& definition = pack.definitions[slot];
        std::size_t vertex = out.definition_vertex[slot];
        if (definition.kind == dsl::DefinitionKind::decision) {
            const auto& decision = pack.syntax.decisions[definition.syntax_index];
            for (std::size_t r = 0; r < decision.rows.size(); ++r) {
                const auto& row = decision.rows[r];
                auto row_vertex = boost::add_vertex(
                    GraphVertex{VertexKind::row, static_cast<int>(slot), static_cast<int>(r),
                                definition.name + " row " + (row.name.empty() ? std::to_string(r + 1) : row.name)},
                    g);
                boost::add_edge(vertex, row_vertex, g);
                std::set<int> reads;
                definitions_read(row.condition.get(), reads);
                definitions_read(row.value.get(), reads);
                definitions_read(row.each_list.get(), reads);
                link(row_vertex, reads);
            }
        } else {
            link(vertex, std::set<int>(definition.depends_on.begin(), definition.depends_on.end()));
        }
    }
    if (!pack.syntax.outputs.empty()) {
        const auto& output = pack.syntax.outputs.front();
        for (std::size_t i = 0; i < output.fields.size(); ++i) {
            auto v = boost::add_vertex(
                GraphVertex{VertexKind::output, -1, static_cast<int>(i), "output " + output.fields[i].name}, g);
            std::set<int> reads;
            definitions_read(output.fields[i].value.get(), reads);
            link(v, reads);
        }
    }
    if (!pack.syntax.inputs.empty()) {
        const auto& refusals = pack.syntax.inputs.front().refusals;
        for (std::size_t i = 0; i < refusals.size(); ++i) {
            auto v = boost::add_vertex(
                GraphVertex{VertexKind::refusal, -1, static_cast<int>(i), "refusal " + std::to_string(i + 1)}, g);
            boost::add_edge(v, input, g);
            std::set<int> reads;
            definitions_read(refusals[i].condition.get(), reads);
            definitions_read(refusals[i].each_list.get(), reads);
            link(v, reads);
        }
    }

    // Cycles: a definition that reads itself, directly or through others, has no value.
    std::vector<std::size_t> parent(boost::num_vertices(g));
    std::vector<std::vector<std::size_t>> cycles;
    CycleFinder finder;
    finder.parent = &parent;
    finder.cycles = &cycles;
    boost::depth_first_search(g, boost::visitor(finder));
    for (const auto& cycle : cycles) {
        std::string names;
        int first = -1;
        for (std::size_t v : cycle) {
            if (g[v].kind != VertexKind::definition) continue;
            if (first < 0) first = g[v].definition;
            names += "'" + g[v].label + "' reads ";
        }
        if (first < 0) continue;
        names += "'" + pack.definitions[first].name + "'";
        diagnostics.error(pack.definitions[first].span,
                          "these definitions depend on each other in a circle, so none has a value",
                          {"the cycle: " + names});
    }
    if (!cycles.empty()) return out;

    std::vector<std::size_t> order;
    boost::topological_sort(g, std::back_inserter(order));
    for (std::size_t v : order)
        if (g[v].kind == VertexKind::definition) out.evaluation_order.push_back(g[v].definition);
    check_evaluation_depth(pack, out, diagnostics);

    // What the output and the refusals need, directly or not.
    out.needed.assign(pack.definitions.size(), false);
    std::vector<bool> reached(boost::num_vertices(g), false);
    std::vector<std::size_t> stack;
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v)
        if (g[v].kind == VertexKind::output || g[v].kind == VertexKind::refusal) stack.push_back(v);
    while (!stack.empty()) {
        std::size_t v = stack.back();
        stack.pop_back();
        if (reached[v]) continue;
        reached[v] = true;
        if (g[v].kind == VertexKind::definition) out.needed[g[v].definition] = true;
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) stack.push_back(boost::target(*e, g));
    }
    for (std::size_t slot = 0; slot < pack.definitions.size(); ++slot)
        if (!out.needed[slot])
            diagnostics.warning(
                pack.definitions[slot].span,
                "'" + pack.definitions[slot].name + "' is defined but nothing in the output or the refusals uses it");
    return out;
}

}  // namespace frontdoor::engine
