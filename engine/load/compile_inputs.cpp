// Compiling the declared input: each field's pattern and default, and the name tables of the
// one-pass contact reader, once per pack.
#include "engine/evaluate/evaluate.hpp"
#include "engine/explain/out_of_range.hpp"
#include "engine/load/load_pipeline.hpp"

namespace frontdoor::engine {

// Defaults see no calendar and no definition (the checker's scope for them is empty), so computing
// them needs no holiday data; only an overflow (OutOfRange) can fail, reported at its expression.
void compile_inputs(CompiledPack& pack, dsl::Diagnostics& diagnostics) {
    const auto& records = pack.checked->records;
    pack.defaults.resize(records.size());
    pack.patterns.resize(records.size());
    pack.field_tables.clear();
    for (const auto& record : records) {
        std::vector<std::string> names;
        for (const auto& field : record.fields) names.push_back(field.name);
        pack.field_tables.emplace_back(names);
    }
    pack.member_tables.clear();
    for (const auto& enumeration : pack.checked->enums) pack.member_tables.emplace_back(enumeration.sorted);
    for (std::size_t r = 0; r < records.size(); ++r) {
        pack.defaults[r].assign(records[r].fields.size(), Value::absent());
        pack.patterns[r].resize(records[r].fields.size());
        for (std::size_t f = 0; f < records[r].fields.size(); ++f) {
            const auto* syntax = records[r].fields[f].syntax;
            if (syntax && syntax->matching) pack.patterns[r][f] = std::make_shared<const Pattern>(*syntax->matching);
        }
    }
    // A default may be a record literal whose own fields have defaults: evaluate in dependency
    // order by repeating until nothing changes (records cannot nest themselves).
    for (std::size_t round = 0; round <= records.size(); ++round) {
        for (std::size_t r = 0; r < records.size(); ++r) {
            for (std::size_t f = 0; f < records[r].fields.size(); ++f) {
                const auto* syntax = records[r].fields[f].syntax;
                if (!syntax || !syntax->default_value) continue;
                Evaluation evaluation(pack, Value::absent(), nullptr);
                try {
                    pack.defaults[r][f] = evaluation.eval(*syntax->default_value);
                } catch (const OutOfRange& out_of_range) {
                    if (round == 0) report_out_of_range(pack, out_of_range, diagnostics);
                }
            }
        }
    }
}

}  // namespace frontdoor::engine
