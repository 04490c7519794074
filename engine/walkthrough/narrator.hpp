#pragma once
// The narrator of a walkthrough: tells one evaluation's trace in sentences, a step per definition,
// and says why each row that did not apply did not, for first-match and collect decisions alike.
#include "frontdoor/walkthrough.hpp"

#include "engine/evaluate/evaluate.hpp"
#include "engine/evaluate/trace.hpp"
#include "engine/load/compiled_pack.hpp"

#include <string>
#include <vector>

namespace frontdoor {

// A row of a collect decision that added nothing, and why: its reason in words and the facts read.
struct RowNotApplied {
    int row;
    std::string reason;              // "x.level >= 3 does not hold (x.level is 2)"
    std::vector<std::string> facts;  // "x.level is 2"
};

class Narrator {
public:
    // `evaluation` evaluates the same input as the trace did, without a trace of its own: the
    // narrator re-evaluates parts of conditions and values to tell their reasoning.
    Narrator(const engine::CompiledPack& pack, const engine::Trace& trace, engine::Evaluation& evaluation)
        : pack_(pack), checked_(*pack.checked), trace_(trace), evaluation_(evaluation) {}

    // A value in words: an enumeration member by its label where it has one, a list as words joined
    // with commas and "and", a record as its first field then the others in brackets; a long list
    // (an indicator catalogue) by its size and first items.
    std::string value(const engine::Value& v, const dsl::TypeRef& type);
    // A definition as a person says it: its label, or its name where it has none.
    std::string called(int definition) const;
    // A definition in a heading: "level of need (level_of_need)", so that the rule can be found; its
    // name alone where it has no label.
    std::string heading_name(int definition) const;
    // "outcome, row csc_screening" (the definition as called()), "outcome, row 3" for an unnamed row.
    std::string rule_called(int definition, int row) const;
    // "contact.channel is form; level_of_need is 2"
    std::string reads(engine::TraceRun run);
    // Each fact in `run` as "path is value".
    std::vector<std::string> facts(engine::TraceRun run);
    WalkthroughStep step(const engine::TraceEntry& entry);
    // The rows of the collect decision `definition` that added nothing to it, in order.
    std::vector<RowNotApplied> rows_not_applied(int definition);
    // The step that lists them, with their reasons ("flags: no row applies" when none applied).
    WalkthroughStep rows_not_applied_step(int definition, const std::vector<RowNotApplied>& rows);
    // "row call_police" for a named row, "row 3" for one known by its position.
    static std::string row_called(const dsl::ast::Decision& decision, int row);
    // Why the row applied: its condition and the facts it read, or "otherwise, ...".
    std::string because(const engine::TraceEntry& entry);

    // Each output field of the decision with the rows that gave it (engine/walkthrough/describe_fields.cpp).
    std::vector<WalkthroughField> describe_fields();

private:
    WalkthroughValue value_in_parts(const engine::Value& v, const dsl::TypeRef& type);
    const engine::TraceEntry* settled(int definition);
    std::string rule_of(const engine::TraceEntry& entry);
    void items_by_row(WalkthroughField& field, int definition, const engine::Value& whole, const dsl::TypeRef& type);
    void reasoning(const dsl::ast::Expr& expr, std::vector<std::string>& lines);
    void add(std::vector<std::string>& lines, std::string line);
    void decision_step(const engine::TraceEntry& entry, const dsl::Definition& d, WalkthroughStep& step);
    RowNotApplied why_not(const dsl::ast::Row& row, int index);
    const dsl::ast::Expr* failing_part(const dsl::ast::Expr& condition);
    std::string read_of_site(const engine::ReadSite& site);
    // A path that was read, in words: an input path as written, a labelled definition by its label
    // ("code of the recommended pathway").
    std::string path_words(const engine::ReadSite& site) const;
    std::string words(const engine::Value& v, const dsl::TypeRef& type);

    const engine::CompiledPack& pack_;
    const dsl::CheckedPack& checked_;
    const engine::Trace& trace_;
    engine::Evaluation& evaluation_;
};

}  // namespace frontdoor
