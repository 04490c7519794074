// Gaps, masked rows and overlaps of first-match decisions and of tables, found by trying every
// combination of the values the rows' conditions tell apart (dsl/condition_domain.hpp).
#include "dsl/analyse_pack.hpp"
#include "dsl/condition_domain.hpp"

#include <set>

namespace frontdoor::dsl {

std::string location_of(const CheckedPack& pack, Span span) {
    const Source& source = pack.sources[span.file];
    LineColumn at = source.locate(span.begin);
    return source.name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

namespace {

std::string row_list(const std::set<int>& rows) {
    std::string out = rows.size() == 1 ? "row " : "rows ";
    int n = 0;
    for (int r : rows)
        out += (n++ ? (n == static_cast<int>(rows.size()) ? " and " : ", ") : "") + std::to_string(r + 1);
    return out;
}

// One first-match decision: its rows' formulas over one domain, and what every combination meets.
class FirstMatch {
public:
    FirstMatch(const CheckedPack& pack, const ast::Decision& decision, Diagnostics& diagnostics)
        : pack_(pack), decision_(decision), diagnostics_(diagnostics), domain_(pack) {}

    void run() {
        for (std::size_t i = 0; i < decision_.rows.size(); ++i) {
            const ast::Row& row = decision_.rows[i];
            if (row.otherwise) otherwise_ = static_cast<int>(i);
            else if (row.condition && !row.each_list) conditional_.push_back(static_cast<int>(i));
        }
        if (conditional_.empty()) return;
        for (int r : conditional_) formulas_.push_back(domain_.compile(*decision_.rows[r].condition));
        domain_.finish_domains();
        std::uint64_t total = domain_.assignments(max_analysed_combinations);
        if (total > max_analysed_combinations) {
            diagnostics_.warning(decision_.span,
                                 "'" + decision_.name + "' was not analysed fully: its conditions have more than " +
                                     std::to_string(max_analysed_combinations) + " combinations of values");
            return;
        }
        explore(total);
        report_masked();
        report_overlaps();
        report_gap();
    }

private:
    void explore(std::uint64_t total) {
        std::size_t n = conditional_.size();
        first_seen_.assign(n, false);
        matched_.assign(n, -1);
        maskers_.assign(n, {});
        overlap_.assign(n, {-1, 0});
        for (std::uint64_t a = 0; a < total; ++a) {
            auto values = domain_.assignment(a);
            int first = -1;
            for (std::size_t k = 0; k < n; ++k) {
                if (!domain_.holds(formulas_[k], values)) continue;
                if (matched_[k] < 0) matched_[k] = static_cast<std::int64_t>(a);
                if (first < 0) {
                    first = static_cast<int>(k);
                    first_seen_[k] = true;
                    continue;
                }
                maskers_[k].insert(conditional_[first]);
                if (overlap_[k].first < 0 && differs(first, k) && from_input(first, k)) overlap_[k] = {first, a};
            }
            if (first < 0 && gap_ < 0) gap_ = static_cast<std::int64_t>(a);
        }
    }

    bool differs(int i, std::size_t k) const {
        return domain_.text_of(*decision_.rows[conditional_[i]].value) !=
               domain_.text_of(*decision_.rows[conditional_[k]].value);
    }

    std::vector<int> read_by(std::initializer_list<std::size_t> rows) const {
        std::vector<int> out;
        for (auto k : rows) domain_.read_by(formulas_[k], out);
        return out;
    }

    bool from_input(const std::vector<int>& variables) const {
        for (int v : variables)
            if (!domain_.variables()[v].from_input) return false;
        return true;
    }
    bool from_input(int i, std::size_t k) const { return from_input(read_by({static_cast<std::size_t>(i), k})); }

    void report_masked() {
        for (std::size_t k = 0; k < conditional_.size(); ++k) {
            if (first_seen_[k]) continue;
            const ast::Row& row = decision_.rows[conditional_[k]];
            if (matched_[k] < 0) {
                diagnostics_.warning(row.span, "this row never applies: its condition can never hold");
                continue;
            }
            std::vector<std::string> notes;
            for (int r : maskers_[k])
                notes.push_back(row_list({r}) + " is at " + location_of(pack_, decision_.rows[r].span));
            notes.push_back("e.g. " + domain_.describe(domain_.assignment(matched_[k]), read_by({k})) + ": " +
                            row_list({*maskers_[k].begin()}) + " applies");
            bool one = maskers_[k].size() == 1;
            diagnostics_.warning(row.span,
                                 "this row never applies: " + row_list(maskers_[k]) + " above " +
                                     (one ? "matches" : "match") + " every input it matches (first match stops there)",
                                 notes);
        }
    }

    void report_overlaps() {
        for (std::size_t k = 0; k < conditional_.size(); ++k) {
            auto [i, a] = overlap_[k];
            if (i < 0 || !first_seen_[k]) continue;
            int above = conditional_[i];
            diagnostics_.warning(
                decision_.rows[conditional_[k]].span,
                "this row and " + row_list({above}) +
                    " above both match some inputs and give different values; only their order decides",
                {row_list({above}) + " is at " + location_of(pack_, decision_.rows[above].span),
                 "e.g. " + domain_.describe(domain_.assignment(a), read_by({static_cast<std::size_t>(i), k})) + ": " +
                     row_list({above}) + " applies"});
        }
    }

    void report_gap() {
        if (otherwise_ < 0) return;
        const ast::Row& row = decision_.rows[otherwise_];
        if (gap_ < 0) {
            diagnostics_.warning(row.span, "this 'otherwise' row never applies: the rows above cover every input");
            return;
        }
        std::vector<int> all;
        for (const auto& f : formulas_) domain_.read_by(f, all);
        if (!from_input(all)) return;
        diagnostics_.warning(row.span, "no row above covers some inputs, which get only this 'otherwise' value",
                             {"e.g. " + domain_.describe(domain_.assignment(gap_), all)});
    }

    const CheckedPack& pack_;
    const ast::Decision& decision_;
    Diagnostics& diagnostics_;
    ConditionDomain domain_;
    std::vector<int> conditional_;   // rows with a condition, by index into decision_.rows
    std::vector<Formula> formulas_;  // one per conditional row
    int otherwise_ = -1;
    std::vector<bool> first_seen_;                        // per conditional row: some combination applies it
    std::vector<std::int64_t> matched_;                   // per conditional row: a combination it matches, or -1
    std::vector<std::set<int>> maskers_;                  // per conditional row: rows that applied where it matched
    std::vector<std::pair<int, std::uint64_t>> overlap_;  // per conditional row: an earlier row and a combination
    std::int64_t gap_ = -1;                               // a combination no conditional row matches
};

// A table over an enumeration with an 'otherwise' entry: the members that have no entry of their own.
void analyse_table(const CheckedPack& pack, const ast::Table& table, Diagnostics& diagnostics) {
    auto key = pack.enum_by_name.find(table.key_type.name);
    if (key == pack.enum_by_name.end() || table.key_type.kind != TypeExpr::Kind::named) return;
    std::set<std::string> listed;
    const ast::TableEntry* otherwise = nullptr;
    for (const auto& entry : table.entries) {
        if (entry.key) listed.insert(entry.key->text);
        else otherwise = &entry;
    }
    if (!otherwise) return;
    std::string missing;
    std::size_t count = 0;
    for (const auto& member : pack.enums[key->second].declared)
        if (!listed.count(member)) missing += (count++ ? ", \"" : "\"") + member + "\"";
    const std::string& of = table.key_type.name;
    if (count == 0)
        diagnostics.warning(otherwise->span,
                            "this 'otherwise' entry never applies: every member of '" + of + "' has an entry");
    else if (count == 1)
        diagnostics.warning(otherwise->span,
                            missing + " of '" + of + "' has no entry of its own and gets only this 'otherwise' value");
    else
        diagnostics.warning(otherwise->span, missing + " of '" + of +
                                                 "' have no entry of their own and get only this 'otherwise' value");
}

}  // namespace

void analyse_tables(const CheckedPack& pack, Diagnostics& diagnostics) {
    for (const auto& decision : pack.syntax.decisions)
        if (decision.policy == ast::HitPolicy::first_match) FirstMatch(pack, decision, diagnostics).run();
    for (const auto& table : pack.syntax.tables) analyse_table(pack, table, diagnostics);
}

}  // namespace frontdoor::dsl
