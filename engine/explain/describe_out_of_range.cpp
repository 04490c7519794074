#include "engine/explain/explain.hpp"
#include "engine/explain/out_of_range.hpp"

namespace frontdoor::engine {

namespace ast = dsl::ast;

namespace {

bool contains(const ast::Expr* root, const ast::Expr* target) {
    if (root == nullptr) return false;
    if (root == target) return true;
    for (const auto& arg : root->args)
        if (contains(arg.get(), target)) return true;
    for (const auto& key : root->keys)
        if (contains(key.get(), target)) return true;
    for (const auto& [name, value] : root->fields)
        if (contains(value.get(), target)) return true;
    return false;
}

// What the expression belongs to: "definition 'total'", "output field 'due'", "a refusal rule of
// input 'contact'". Searched only when something went wrong, so the hot path keeps no note of it.
std::string owner_of(const dsl::CheckedPack& checked, const ast::Expr* expr) {
    for (const auto& let : checked.syntax.lets)
        if (contains(let.value.get(), expr)) return "definition '" + let.name + "'";
    for (const auto& decision : checked.syntax.decisions)
        for (const auto& row : decision.rows)
            if (contains(row.value.get(), expr) || contains(row.condition.get(), expr) ||
                contains(row.each_list.get(), expr))
                return "decision '" + decision.name + "'";
    for (const auto& table : checked.syntax.tables)
        for (const auto& entry : table.entries)
            if (contains(entry.key.get(), expr) || contains(entry.value.get(), expr))
                return "table '" + table.name + "'";
    for (const auto& output : checked.syntax.outputs)
        for (const auto& field : output.fields)
            if (contains(field.value.get(), expr)) return "output field '" + field.name + "'";
    for (const auto& input : checked.syntax.inputs)
        for (const auto& refusal : input.refusals)
            if (contains(refusal.condition.get(), expr) || contains(refusal.each_list.get(), expr))
                return "a refusal rule of input '" + input.name + "'";
    for (const auto& record : checked.syntax.records)
        for (const auto& field : record.fields)
            if (contains(field.default_value.get(), expr))
                return "the default of '" + record.name + "." + field.name + "'";
    return "the pack";
}

std::string problem_text(const dsl::CheckedPack& checked, const OutOfRange& error) {
    return std::string(error.what()) + " in '" + expression_text(checked, *error.expr) + "'";
}

}  // namespace

InputRefusal refused_for_out_of_range(const CompiledPack& pack, const OutOfRange& error) {
    const dsl::CheckedPack& checked = *pack.checked;
    const dsl::Source& source = checked.sources[error.expr->span.file];
    const dsl::LineColumn at = source.locate(error.expr->span.begin);
    std::string where = source.name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    return InputRefusal{"", "cannot decide: " + problem_text(checked, error) + " (" + where + ", " +
                                owner_of(checked, error.expr) + ")"};
}

void report_out_of_range(const CompiledPack& pack, const OutOfRange& error, dsl::Diagnostics& diagnostics) {
    diagnostics.error(error.expr->span, problem_text(*pack.checked, error) + ", computed when the pack is loaded");
}

}  // namespace frontdoor::engine
