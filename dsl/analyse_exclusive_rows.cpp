// What `exclusive rows of D: A, B` declares: no input makes two of the rows apply. Each pair of rows
// is read over finite domains as a first-match decision is (dsl/condition_domain.hpp), and, like an
// overlap there, reported only with an example input: when every fact the two conditions read is an
// input field. A 'for each' row applies once per item, its condition per item opaque: it is named as
// not analysed, and left out of the pairs.
#include "dsl/analyse_pack.hpp"
#include "dsl/condition_domain.hpp"

#include <algorithm>

namespace frontdoor::dsl {

namespace {

// The position of the row named `name` in `decision` (the checker made sure there is one).
std::size_t position_of(const ast::Decision& decision, const std::string& name) {
    std::size_t at = 0;
    while (at < decision.rows.size() && decision.rows[at].name != name) ++at;
    return at;
}

// A row's condition; a row without one (and not 'for each') applies to every input.
Formula condition_of(ConditionDomain& domain, const ast::Row& row) {
    if (row.condition) return domain.compile(*row.condition);
    Formula always;
    always.value = true;
    return always;
}

class ExclusivePair {
public:
    ExclusivePair(const CheckedPack& pack, const ast::ExclusiveRows& decl, const ast::Decision& decision,
                  Diagnostics& diagnostics)
        : pack_(pack), decl_(decl), decision_(decision), diagnostics_(diagnostics) {}

    // Rows `above` and `below` (by position in the decision) of the declaration.
    void run(const ast::Row& above, const ast::Row& below) const {
        ConditionDomain domain(pack_);
        Formula first = condition_of(domain, above), second = condition_of(domain, below);
        domain.finish_domains();
        std::string rows = "rows " + above.name + " and " + below.name + " of '" + decision_.name + "'";
        std::string declared = "declared exclusive at " + location_of(pack_, decl_.span);
        std::uint64_t total = domain.assignments(max_analysed_combinations);
        if (total > max_analysed_combinations) {
            diagnostics_.warning(below.span,
                                 rows + " were not analysed: their conditions have more than " +
                                     std::to_string(max_analysed_combinations) + " combinations of values",
                                 {declared});
            return;
        }
        std::vector<int> read;
        domain.read_by(first, read);
        domain.read_by(second, read);
        for (int v : read)
            if (!domain.variables()[v].from_input) return;
        for (std::uint64_t a = 0; a < total; ++a) {
            auto values = domain.assignment(a);
            if (!domain.holds(first, values) || !domain.holds(second, values)) continue;
            diagnostics_.warning(below.span, rows + " are declared exclusive but both apply to some inputs",
                                 {"row " + above.name + " is at " + location_of(pack_, above.span),
                                  "e.g. " + domain.describe(values, read), declared});
            return;
        }
    }

private:
    const CheckedPack& pack_;
    const ast::ExclusiveRows& decl_;
    const ast::Decision& decision_;
    Diagnostics& diagnostics_;
};

void analyse_declaration(const CheckedPack& pack, const ast::ExclusiveRows& decl, Diagnostics& diagnostics) {
    const ast::Decision& decision =
        pack.syntax.decisions[pack.definitions[pack.definition_by_name.at(decl.decision)].syntax_index];
    std::vector<std::size_t> rows;  // positions in the decision, of the rows that are analysed
    for (const auto& [name, span] : decl.rows) {
        std::size_t at = position_of(decision, name);
        if (at >= decision.rows.size()) continue;
        if (decision.rows[at].each_list) {
            diagnostics.warning(span, "row " + name + " of '" + decision.name +
                                          "' is a 'for each' row, whose condition holds item by item: whether it "
                                          "applies together with the other rows is not analysed");
            continue;
        }
        rows.push_back(at);
    }
    ExclusivePair pair(pack, decl, decision, diagnostics);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = i + 1; j < rows.size(); ++j)
            pair.run(decision.rows[std::min(rows[i], rows[j])], decision.rows[std::max(rows[i], rows[j])]);
}

}  // namespace

void analyse_exclusive_rows(const CheckedPack& pack, Diagnostics& diagnostics) {
    for (const auto& decl : pack.syntax.exclusive_rows) analyse_declaration(pack, decl, diagnostics);
}

}  // namespace frontdoor::dsl
