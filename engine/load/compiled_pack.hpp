#pragma once
// A checked pack lowered for evaluation: the decision graph, compiled input patterns and field
// defaults, and the pack's identity. Immutable after loading and shared by every thread.
#include "dsl/checked_pack.hpp"
#include "engine/evaluate/condition_program.hpp"
#include "engine/evaluate/expression_plan.hpp"
#include "engine/evaluate/pattern.hpp"
#include "engine/evaluate/row_index.hpp"
#include "engine/evaluate/value.hpp"
#include "engine/explain/explanation_tables.hpp"
#include "engine/graph/decision_graph.hpp"
#include "engine/input/name_table.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::engine {

struct CompiledPack {
    std::unique_ptr<dsl::CheckedPack> checked;
    DecisionGraph graph;
    std::string name;
    std::string version;
    std::string digest;  // "sha256:<hex>"
    dsl::PackFiles files;
    // Per record, per field: the value used when an optional field is omitted (absent when none).
    std::vector<std::vector<Value>> defaults;
    std::vector<std::vector<std::shared_ptr<const Pattern>>> patterns;
    // For the one-pass contact reader: per record, its field names to field positions; per
    // enumeration, its member names to member indexes (positions in EnumInfo::sorted).
    std::vector<NameTable> field_tables;
    std::vector<NameTable> member_tables;
    // What evaluating each expression needs worked out at load, by Expr::id.
    std::vector<ExpressionPlan> plans;
    const ExpressionPlan& plan(const dsl::ast::Expr& expr) const { return plans[static_cast<std::size_t>(expr.id)]; }
    // Values computed once at load: expressions that read nothing (ExpressionPlan::constant indexes
    // `constants`) and definitions that do not depend on the input (`constant_definitions`, by slot).
    std::vector<Value> constants;
    std::vector<std::optional<Value>> constant_definitions;
    // Constant collections of enumeration members as bits by member index, for `x in S` tests
    // (ExpressionPlan::member_bits).
    std::vector<std::vector<std::uint64_t>> member_bits;
    bool has_member(int bits, std::int64_t member) const {
        const auto& words = member_bits[static_cast<std::size_t>(bits)];
        auto word = static_cast<std::size_t>(member >> 6);
        return word < words.size() && ((words[word] >> (member & 63)) & 1u) != 0;
    }
    // Every condition's flat program, one after another (ExpressionPlan::program), and the fields
    // of the paths their steps read (ConditionStep::first_field).
    std::vector<ConditionStep> condition_steps;
    std::vector<int> condition_fields;
    // Each decision's rows' programs, so that trying a row reads neither its syntax nor its plan:
    // by the decision's syntax index, from first_row_program[d], one a row: its condition's
    // program, or -1 when it has none (holds() tests it, or it has no condition).
    std::vector<std::int32_t> row_programs;
    std::vector<std::uint32_t> first_row_program;
    const std::int32_t* programs_of_rows(int slot) const {
        return row_programs.data() +
               first_row_program[static_cast<std::size_t>(checked->definitions[slot].syntax_index)];
    }
    // The explain stage's tables: texts and fixed strings encoded as JSON, by expression, citation,
    // enum, record and slot; what each entry reads and its fixed JSON.
    ExplanationTables explanation;

    // Each decision's rows indexed by what they test, by the decision's syntax index
    // (engine/load/index_rows.cpp); a decision with no index is scanned row by row.
    std::vector<RowIndex> row_indexes;

    const dsl::ast::Decision& decision(int slot) const {
        return checked->syntax.decisions[checked->definitions[slot].syntax_index];
    }
    // One for each decision from the first pass on the compiled pack (make_expression_plans), empty
    // until index_rows fills them: folding constants at load decides with the pack too.
    const RowIndex& row_index(int slot) const {
        return row_indexes[static_cast<std::size_t>(checked->definitions[slot].syntax_index)];
    }
    // The constant value of an expression, if it has one: a folded literal, or a name of a
    // definition that does not depend on the input.
    const Value* constant_value(const dsl::ast::Expr& expr) const {
        if (int constant = plan(expr).constant; constant >= 0) return &constants[static_cast<std::size_t>(constant)];
        if (expr.kind == dsl::ast::ExprKind::name && expr.resolved.kind == dsl::ast::NameKind::definition &&
            !constant_definitions.empty()) {
            const auto& constant = constant_definitions[static_cast<std::size_t>(expr.resolved.index)];
            if (constant) return &*constant;
        }
        return nullptr;
    }
};

}  // namespace frontdoor::engine
