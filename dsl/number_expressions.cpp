#include "dsl/number_expressions.hpp"

namespace frontdoor::dsl {

namespace {

class Numbering {
public:
    explicit Numbering(CheckedPack& pack) : pack_(pack) {}

    // Recursion bounded by the tree's depth (dsl/nesting_limit.hpp).
    void expression(ast::ExprPtr& expr) {
        if (!expr) return;
        expr->id = pack_.expression_count++;
        for (auto& arg : expr->args) expression(arg);
        for (auto& key : expr->keys) expression(key);
        for (auto& [name, value] : expr->fields) expression(value);
    }
    void citation(ast::Citation& citation) { citation.id = pack_.citation_count++; }

private:
    CheckedPack& pack_;
};

}  // namespace

void number_expressions(CheckedPack& pack) {
    Numbering number(pack);
    ast::Pack& syntax = pack.syntax;
    for (auto& manifest : syntax.manifests) number.citation(manifest.citation);
    for (auto& record : syntax.records)
        for (auto& field : record.fields) number.expression(field.default_value);
    for (auto& input : syntax.inputs)
        for (auto& refusal : input.refusals) {
            number.expression(refusal.each_list);
            number.expression(refusal.condition);
            number.expression(refusal.at);
            number.citation(refusal.citation);
        }
    for (auto& let : syntax.lets) {
        number.expression(let.value);
        number.citation(let.citation);
    }
    for (auto& decision : syntax.decisions)
        for (auto& row : decision.rows) {
            number.expression(row.each_list);
            number.expression(row.condition);
            number.expression(row.value);
            number.citation(row.citation);
        }
    for (auto& table : syntax.tables)
        for (auto& entry : table.entries) {
            number.expression(entry.key);
            number.expression(entry.value);
            number.citation(entry.citation);
        }
    for (auto& output : syntax.outputs)
        for (auto& field : output.fields) number.expression(field.value);
    for (auto& sets : syntax.exclusive_sets) number.citation(sets.citation);
    for (auto& rows : syntax.exclusive_rows) number.citation(rows.citation);
}

}  // namespace frontdoor::dsl
