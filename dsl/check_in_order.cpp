// The order in which the checker checks definitions: each after the definitions it reads, so that
// their types are known where they are read, worked out with an explicit work list rather than by
// recursing from one definition into the next. A chain of definitions, however long, costs the
// checker's stack nothing: only one expression (within the nesting limit) is checked at a time.
#include "dsl/checker.hpp"

#include <algorithm>
#include <utility>

namespace frontdoor::dsl {

namespace {

using ast::Expr;
using ast::ExprKind;

// The definitions an expression names, as the checker will resolve them: a name bound by an
// enclosing quantifier (or `for each`, in `locals`) hides a definition of the same name; a call of
// a table's name looks the table up whatever is bound. It may name a definition the checker never
// reaches (past an error it reports), never miss one the checker reads.
void definitions_named(const Expr& expr, const CheckedPack& pack, std::vector<std::string>& locals,
                       std::vector<int>& out) {
    auto definition = pack.definition_by_name.find(expr.text);
    bool is_definition = definition != pack.definition_by_name.end();
    if (expr.kind == ExprKind::name && is_definition &&
        std::find(locals.begin(), locals.end(), expr.text) == locals.end())
        out.push_back(definition->second);
    if (expr.kind == ExprKind::call && is_definition &&
        pack.definitions[definition->second].kind == DefinitionKind::table)
        out.push_back(definition->second);
    bool binds = expr.kind == ExprKind::quantifier;
    for (std::size_t i = 0; i < expr.args.size(); ++i) {
        if (binds && i == 1) locals.push_back(expr.variable);  // the list is read outside, the rest inside
        definitions_named(*expr.args[i], pack, locals, out);
    }
    if (binds && expr.args.size() < 2) locals.push_back(expr.variable);
    for (const auto& key : expr.keys) definitions_named(*key, pack, locals, out);
    if (binds) locals.pop_back();
    for (const auto& field : expr.fields) definitions_named(*field.second, pack, locals, out);
}

void named_in(const ast::ExprPtr& expr, const CheckedPack& pack, std::vector<std::string>& locals,
              std::vector<int>& out) {
    if (expr) definitions_named(*expr, pack, locals, out);
}

}  // namespace

std::vector<int> Checker::definitions_read_by(int slot) const {
    const Definition& definition = pack_.definitions[slot];
    std::vector<std::string> locals;
    std::vector<int> out;
    switch (definition.kind) {
        case DefinitionKind::let: named_in(pack_.syntax.lets[definition.syntax_index].value, pack_, locals, out); break;
        case DefinitionKind::decision:
            for (const auto& row : pack_.syntax.decisions[definition.syntax_index].rows) {
                named_in(row.each_list, pack_, locals, out);
                if (row.each_list) locals.push_back(row.each_variable);
                named_in(row.condition, pack_, locals, out);
                named_in(row.value, pack_, locals, out);
                locals.clear();
            }
            break;
        case DefinitionKind::table:
            for (const auto& entry : pack_.syntax.tables[definition.syntax_index].entries) {
                named_in(entry.key, pack_, locals, out);
                named_in(entry.value, pack_, locals, out);
            }
            break;
    }
    return out;
}

// Depth first from `root`, with the path from it on an explicit stack: a definition is checked
// once every definition it reads is checked, or is on the path above it (then they read each
// other in a circle, which the decision graph reports, naming every member).
void Checker::check_in_dependency_order(int root) {
    struct Visit {
        int slot;
        std::vector<int> reads;
        std::size_t next = 0;
    };
    std::vector<Visit> path;
    state_[root] = 1;
    path.push_back({root, definitions_read_by(root)});
    while (!path.empty()) {
        Visit& visit = path.back();
        if (visit.next < visit.reads.size()) {
            int read = visit.reads[visit.next++];
            if (state_[read] != 0) continue;
            state_[read] = 1;
            path.push_back({read, definitions_read_by(read)});  // `visit` is not used past here
            continue;
        }
        int slot = visit.slot;
        path.pop_back();
        check_definition(slot);
    }
}

}  // namespace frontdoor::dsl
