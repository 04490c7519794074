// map_decision_graph(): the decision graph with what a reader needs on each node (row names,
// conditions, citations, the input fields read) and, for one contact, the path it took.
#include "engine/graph/map_decision_graph.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace frontdoor::engine {

namespace ast = dsl::ast;

namespace {

// The input field paths `expr` reads ("x.child.birth_date"), in order, without repeats. A path's
// own prefixes are not listed, nor the whole input, nor fields of definitions or local variables.
void input_paths(const ExplanationTables& tables, const ast::Expr& expr, std::vector<std::string>& out) {
    if (expr.kind == ast::ExprKind::field || expr.kind == ast::ExprKind::name) {
        const ast::Expr* root = &expr;
        while (root->kind == ast::ExprKind::field) root = root->args[0].get();
        if (root->kind == ast::ExprKind::name) {
            if (root->resolved.kind != ast::NameKind::input || expr.kind == ast::ExprKind::name) return;
            const std::string& path = tables.paths[static_cast<std::size_t>(expr.id)];
            if (!path.empty() && std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
            return;
        }
        input_paths(tables, *root, out);
        return;
    }
    for (const auto& arg : expr.args) input_paths(tables, *arg, out);
    for (const auto& key : expr.keys) input_paths(tables, *key, out);
    for (const auto& [name, value] : expr.fields) input_paths(tables, *value, out);
}

class Mapper {
public:
    explicit Mapper(const CompiledPack& pack) : pack_(pack), checked_(*pack.checked) {
        for (const auto& [path, text] : pack.files.files)
            if (dsl::is_rule_file(path)) rule_files_.push_back(path);
    }

    GraphMap map() {
        const Graph& g = pack_.graph.graph;
        map_.pack = pack_.name;
        for (std::size_t v = 0; v < boost::num_vertices(g); ++v) map_.nodes.push_back(node(g[v]));
        for (auto [e, end] = boost::edges(g); e != end; ++e)
            map_.edges.push_back({boost::target(*e, g), boost::source(*e, g)});
        for (std::size_t v = 0; v < boost::num_vertices(g); ++v)
            for (const ast::Expr* expr : expressions(g[v]))
                if (expr) link_fields(*expr, v);
        for (int slot : pack_.graph.evaluation_order) map_.evaluation_order.push_back(checked_.definitions[slot].name);
        return std::move(map_);
    }

private:
    MapNode node(const GraphVertex& vertex) {
        MapNode node;
        node.kind = vertex.kind;
        node.label = vertex.label;
        node.source = source_of(span_of(vertex));
        if (vertex.kind != VertexKind::row) return node;
        const ast::Row& row = pack_.decision(vertex.definition).rows[static_cast<std::size_t>(vertex.index)];
        node.row_name = row.name;
        node.citation = row.citation.present ? row.citation.text : "";
        node.conditional = row.condition != nullptr;
        if (row.condition) node.condition = pack_.explanation.texts[static_cast<std::size_t>(row.condition->id)];
        else if (row.otherwise) node.condition = "otherwise";
        else if (row.each_list) node.condition = for_each(row);
        else node.condition = "always";
        return node;
    }

    // The declaration that made a vertex: the input, a definition, a row, an output field or a refusal.
    dsl::Span span_of(const GraphVertex& vertex) const {
        const ast::Input& input = checked_.syntax.inputs.front();
        auto index = static_cast<std::size_t>(vertex.index);
        switch (vertex.kind) {
            case VertexKind::input: return input.span;
            case VertexKind::definition: return checked_.definitions[static_cast<std::size_t>(vertex.definition)].span;
            case VertexKind::row: return pack_.decision(vertex.definition).rows[index].span;
            case VertexKind::output: return checked_.syntax.outputs.front().fields[index].span;
            case VertexKind::refusal: return input.refusals[index].span;
            case VertexKind::input_field: break;
        }
        return {};
    }

    // The file (relative to the pack directory, as the pack's files are named), line and column.
    MapSource source_of(dsl::Span span) const {
        const dsl::Source& source = checked_.sources[span.file];
        dsl::LineColumn at = source.locate(span.begin);
        std::string file = span.file < rule_files_.size() ? rule_files_[span.file] : source.name();
        return {std::move(file), at.line, at.column};
    }

    // "for each check in contact.partner_checks" (the list named when it is a name or field path).
    std::string for_each(const ast::Row& row) const {
        const std::string& list = pack_.explanation.paths[static_cast<std::size_t>(row.each_list->id)];
        return "for each " + row.each_variable + (list.empty() ? "" : " in " + list);
    }

    // The expressions a vertex reads itself (not through the definitions it reads).
    std::vector<const ast::Expr*> expressions(const GraphVertex& vertex) const {
        switch (vertex.kind) {
            case VertexKind::definition: {
                const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(vertex.definition)];
                if (d.kind != dsl::DefinitionKind::let) return {};
                return {checked_.syntax.lets[static_cast<std::size_t>(d.syntax_index)].value.get()};
            }
            case VertexKind::row: {
                const ast::Row& row = pack_.decision(vertex.definition).rows[static_cast<std::size_t>(vertex.index)];
                return {row.condition.get(), row.value.get(), row.each_list.get()};
            }
            case VertexKind::output:
                return {checked_.syntax.outputs.front().fields[static_cast<std::size_t>(vertex.index)].value.get()};
            case VertexKind::refusal: {
                const ast::Refusal& refusal =
                    checked_.syntax.inputs.front().refusals[static_cast<std::size_t>(vertex.index)];
                return {refusal.condition.get(), refusal.each_list.get()};
            }
            default: return {};
        }
    }

    void link_fields(const ast::Expr& expr, std::size_t reader) {
        std::vector<std::string> paths;
        input_paths(pack_.explanation, expr, paths);
        for (const auto& path : paths) {
            auto [it, added] = fields_.try_emplace(path, map_.nodes.size());
            if (added) {
                map_.nodes.emplace_back();
                map_.nodes.back().kind = VertexKind::input_field;
                map_.nodes.back().label = path;
            }
            if (linked_.insert({it->second, reader}).second) map_.edges.push_back({it->second, reader});
        }
    }

    const CompiledPack& pack_;
    const dsl::CheckedPack& checked_;
    std::vector<std::string> rule_files_;  // by source index, as check_pack numbers the sources
    GraphMap map_;
    std::map<std::string, std::size_t> fields_;
    std::set<std::pair<std::size_t, std::size_t>> linked_;
};

// Marks each node with what the contact whose trace this is did there.
void mark_path(GraphMap& map, const CompiledPack& pack, const Trace& trace) {
    const Graph& g = pack.graph.graph;
    std::set<int> settled;
    std::set<std::pair<int, int>> applied, tried;
    for (const TraceEntry& entry : trace.entries) {
        settled.insert(entry.definition);
        if (entry.row >= 0) applied.insert({entry.definition, entry.row});
        for (const RowAttempt& attempt : trace.attempts_of(entry)) tried.insert({entry.definition, attempt.row});
    }
    std::set<std::string_view> read;
    for (const Read& r : trace.reads)
        if (r.site->definition < 0) read.insert(r.path());
    for (std::size_t v = 0; v < map.nodes.size(); ++v) {
        MapNode& node = map.nodes[v];
        bool vertex = v < boost::num_vertices(g);
        switch (node.kind) {
            case VertexKind::input: node.state = PathState::applied; break;
            case VertexKind::input_field:
                node.state = read.count(node.label) ? PathState::applied : PathState::not_tried;
                break;
            case VertexKind::definition:
                node.state = settled.count(g[v].definition) ? PathState::applied : PathState::not_tried;
                break;
            case VertexKind::output: node.state = PathState::applied; break;
            case VertexKind::refusal: node.state = PathState::not_applied; break;
            case VertexKind::row: {
                if (!vertex) break;
                std::pair<int, int> key{g[v].definition, g[v].index};
                bool collect = pack.decision(key.first).policy == ast::HitPolicy::collect;
                if (applied.count(key)) node.state = PathState::applied;
                else if (tried.count(key) || (collect && settled.count(key.first))) node.state = PathState::not_applied;
                else node.state = PathState::not_tried;
                break;
            }
        }
    }
    map.highlighted = true;
}

}  // namespace

GraphMap map_decision_graph(const CompiledPack& pack, const Trace* trace) {
    GraphMap map = Mapper(pack).map();
    if (trace) mark_path(map, pack, *trace);
    return map;
}

std::string shorten_text(std::string_view text, std::size_t limit) {
    std::size_t count = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (count == limit) break;
        ++count;
    }
    if (i >= text.size()) return std::string(text);
    std::size_t space = text.rfind(' ', i);
    std::size_t end = space == std::string_view::npos || space == 0 ? i : space;
    while (end > 0 && text[end - 1] == ' ') --end;
    return std::string(text.substr(0, end)) + "…";
}

}  // namespace frontdoor::engine
