#pragma once
// Every expression tree of a checked pack, by its root: lets, rows (condition, list, value), table
// entries, outputs and refusals. The passes of loading walk each root's tree themselves.
#include "dsl/checked_pack.hpp"

namespace frontdoor::engine {

template <typename F>
void each_expression(const dsl::CheckedPack& checked, F&& f) {
    for (const auto& let : checked.syntax.lets) f(*let.value);
    for (const auto& decision : checked.syntax.decisions)
        for (const auto& row : decision.rows) {
            if (row.condition) f(*row.condition);
            if (row.each_list) f(*row.each_list);
            f(*row.value);
        }
    for (const auto& table : checked.syntax.tables)
        for (const auto& entry : table.entries) {
            if (entry.key) f(*entry.key);
            f(*entry.value);
        }
    for (const auto& output : checked.syntax.outputs)
        for (const auto& field : output.fields) f(*field.value);
    for (const auto& input : checked.syntax.inputs)
        for (const auto& refusal : input.refusals) {
            f(*refusal.condition);
            if (refusal.each_list) f(*refusal.each_list);
        }
}

}  // namespace frontdoor::engine
