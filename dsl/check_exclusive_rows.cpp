// `exclusive rows of D: A, B`: D must be a collect decision (the rows of a first-match decision are
// exclusive by construction), and A, B, ... two or more distinct names of its rows.
#include "dsl/analyse_pack.hpp"

#include <algorithm>

namespace frontdoor::dsl {

namespace {

// The decision the declaration names, or null (reported, unless its own declaration did not parse).
const ast::Decision* decision_named(const CheckedPack& pack, const ast::ExclusiveRows& decl, Diagnostics& diagnostics) {
    std::vector<std::string> names;
    for (const auto& decision : pack.syntax.decisions) {
        if (decision.name == decl.decision) return &decision;
        names.push_back(decision.name);
    }
    const auto& unparsed = pack.syntax.unparsed_names;
    if (std::find(unparsed.begin(), unparsed.end(), decl.decision) == unparsed.end())
        diagnostics.error(decl.decision_span,
                          "unknown decision '" + decl.decision + "'" + did_you_mean(decl.decision, names));
    return nullptr;
}

void check_row_named(const ast::Decision& decision, const std::string& name, Span at, Diagnostics& diagnostics) {
    std::vector<std::string> names;
    for (const auto& row : decision.rows) {
        if (row.name == name) return;
        if (!row.name.empty()) names.push_back(row.name);
    }
    std::string hint = did_you_mean(name, names);
    if (names.empty()) hint = "; its rows have no names: name one with 'row " + name + ":' before it";
    diagnostics.error(at, "'" + decision.name + "' has no row named '" + name + "'" + hint);
}

}  // namespace

void check_exclusive_rows(const CheckedPack& pack, Diagnostics& diagnostics) {
    for (const auto& decl : pack.syntax.exclusive_rows) {
        if (decl.rows.size() < 2)
            diagnostics.error(decl.rows.front().second,
                              "only one row is named: rows are exclusive of each other, so name two or more");
        for (std::size_t i = 0; i < decl.rows.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (decl.rows[i].first == decl.rows[j].first)
                    diagnostics.error(decl.rows[i].second,
                                      "'" + decl.rows[i].first + "' is named twice in this declaration");
        const ast::Decision* decision = decision_named(pack, decl, diagnostics);
        if (!decision) continue;
        if (decision->policy != ast::HitPolicy::collect) {
            diagnostics.error(decl.decision_span,
                              "'" + decision->name +
                                  "' is a first-match decision: its rows are exclusive by construction (only the "
                                  "first that holds applies); 'exclusive rows' is for collect decisions");
            continue;
        }
        for (const auto& [name, span] : decl.rows) check_row_named(*decision, name, span, diagnostics);
    }
}

}  // namespace frontdoor::dsl
