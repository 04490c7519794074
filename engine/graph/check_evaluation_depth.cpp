// The evaluation depth of a pack, worked out at load: deciding computes a definition when it is
// first read, from inside the expression that reads it, so the stack a decision needs grows with
// the levels of every definition along the longest chain of definitions, each reading the next.
// A pack whose chain passes max_evaluation_depth is refused here, before anything evaluates it.
#include "dsl/nesting_limit.hpp"
#include "engine/graph/decision_graph.hpp"

#include <algorithm>

namespace frontdoor::engine {

namespace {

int deepest(const dsl::ast::ExprPtr& expr, int so_far) { return expr ? std::max(so_far, expr->depth) : so_far; }

// The levels of a definition's own expressions: the deepest of them.
int own_levels(const dsl::CheckedPack& pack, const dsl::Definition& definition) {
    int levels = 1;
    switch (definition.kind) {
        case dsl::DefinitionKind::let: levels = deepest(pack.syntax.lets[definition.syntax_index].value, levels); break;
        case dsl::DefinitionKind::decision:
            for (const auto& row : pack.syntax.decisions[definition.syntax_index].rows)
                levels = deepest(row.value, deepest(row.condition, deepest(row.each_list, levels)));
            break;
        case dsl::DefinitionKind::table:
            for (const auto& entry : pack.syntax.tables[definition.syntax_index].entries)
                levels = deepest(entry.value, deepest(entry.key, levels));
            break;
    }
    return levels;
}

}  // namespace

void check_evaluation_depth(const dsl::CheckedPack& pack, const DecisionGraph& graph, dsl::Diagnostics& diagnostics) {
    struct Chain {
        long long levels = 0;  // the definition's own levels plus those of the deepest chain it reads
        int definitions = 0;
        bool refused = false;  // this definition, or one it reads, passes the limit (said once)
    };
    std::vector<Chain> chains(pack.definitions.size());
    for (int slot : graph.evaluation_order) {  // each after what it reads
        const dsl::Definition& definition = pack.definitions[slot];
        Chain deepest_read;
        bool read_refused = false;
        for (int read : definition.depends_on) {
            if (chains[read].levels > deepest_read.levels) deepest_read = chains[read];
            read_refused = read_refused || chains[read].refused;
        }
        Chain& chain = chains[slot];
        chain.levels = own_levels(pack, definition) + deepest_read.levels;
        chain.definitions = deepest_read.definitions + 1;
        chain.refused = read_refused;
        if (chain.refused || chain.levels <= dsl::max_evaluation_depth) continue;
        chain.refused = true;
        diagnostics.error(definition.span,
                          "'" + definition.name + "' depends on a chain of " + std::to_string(chain.definitions) +
                              " definitions nested " + std::to_string(chain.levels) + " levels in all; the limit is " +
                              std::to_string(dsl::max_evaluation_depth) +
                              ", so that deciding never runs out of memory: shorten the chain, or nest its "
                              "definitions less");
    }
}

}  // namespace frontdoor::engine
