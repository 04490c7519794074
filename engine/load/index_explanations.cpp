// Indexing for explanations, at load: which facts each row and condition part reads (in the order
// an explanation lists them, without repeats), and each entry's fixed JSON, encoded once by
// engine/explain/explain.cpp, which also writes the rest of each entry. Runs after fold_constants,
// whose constant definitions an explanation does not list as read.
#include "engine/explain/compact_explanation.hpp"
#include "engine/explain/explain.hpp"
#include "engine/explain/render_value.hpp"

#include <algorithm>
#include <stdexcept>

namespace frontdoor::engine {

namespace ast = dsl::ast;
using ast::Expr;
using ast::ExprKind;

namespace {

// Appends to `out` the paths `expr` reads that are not in it yet: names and fields whose root is
// the input or a definition. The whole input says nothing, and a catalogue (a definition that does
// not depend on the input) has its own entry in the explanation.
void collect_sites(const CompiledPack& pack, const Expr& expr, std::vector<ReadSite>& out) {
    if (expr.kind == ExprKind::name || expr.kind == ExprKind::field) {
        const Expr* root = &expr;
        while (root->kind == ExprKind::field) root = root->args[0].get();
        bool input = root->resolved.kind == ast::NameKind::input;
        bool definition = root->resolved.kind == ast::NameKind::definition;
        bool whole_input = input && expr.kind == ExprKind::name;
        bool catalogue = definition && expr.kind == ExprKind::name && !pack.constant_definitions.empty() &&
                         pack.constant_definitions[static_cast<std::size_t>(root->resolved.index)].has_value();
        if ((input || definition) && !whole_input) {
            if (catalogue) return;
            auto id = static_cast<std::size_t>(expr.id);
            std::string_view path = pack.explanation.paths[id];
            if (std::none_of(out.begin(), out.end(), [&](const ReadSite& s) { return s.path == path; }))
                out.push_back(ReadSite{&expr, definition ? root->resolved.index : -1, path,
                                       pack.explanation.encoded_path_keys[id]});
            return;
        }
        if (!input) return;
    }
    for (const auto& arg : expr.args) collect_sites(pack, *arg, out);
    for (const auto& key : expr.keys) collect_sites(pack, *key, out);
    for (const auto& [name, value] : expr.fields) collect_sites(pack, *value, out);
}

class Indexer {
public:
    explicit Indexer(CompiledPack& pack)
        : pack_(pack), tables_(pack.explanation), checked_(*pack.checked), dictionary_(pack.explanation.dictionary) {}

    // The facts read by `exprs`, in turn, as one run of read_sites.
    ReadSites sites(std::initializer_list<const Expr*> exprs) {
        std::vector<ReadSite> found;
        for (const Expr* expr : exprs)
            if (expr) collect_sites(pack_, *expr, found);
        ReadSites run{static_cast<std::uint32_t>(tables_.read_sites.size()), 0};
        tables_.read_sites.insert(tables_.read_sites.end(), found.begin(), found.end());
        run.end = static_cast<std::uint32_t>(tables_.read_sites.size());
        return run;
    }

    // Every part of a condition that Evaluation::failing_part can name: the conjuncts of its `and`s,
    // never an `and` itself (it always descends into one), so a long chain costs its length only.
    void failed_parts(const Expr& condition) {
        if (condition.kind == ExprKind::binary && condition.resolved.op == ast::Op::logical_and) {
            failed_parts(*condition.args[0]);
            failed_parts(*condition.args[1]);
        } else if (FailedPart& part = tables_.failed_parts[static_cast<std::size_t>(condition.id)];
                   part.encoded.empty()) {
            if (!tables_.has_text(condition))
                throw std::logic_error("a condition's part has no text: " + condition.text);
            part = FailedPart{sites({&condition}), tables_.encoded_texts[static_cast<std::size_t>(condition.id)]};
        }
    }

    void definition(int slot) {
        const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(slot)];
        auto& reads = tables_.entry_reads[static_cast<std::size_t>(slot)];
        ExplainedDefinition& explained = tables_.explained[static_cast<std::size_t>(slot)];
        auto& heads = explained.heads;
        heads.push_back(encode_entry_head(pack_, slot, -1, nullptr));
        const auto& constant = pack_.constant_definitions[static_cast<std::size_t>(slot)];
        switch (d.kind) {
            case dsl::DefinitionKind::let:
                reads.push_back(sites({checked_.syntax.lets[static_cast<std::size_t>(d.syntax_index)].value.get()}));
                break;
            case dsl::DefinitionKind::table: {
                explained.form = ExplainedDefinition::Form::table;
                std::size_t entries = checked_.syntax.tables[static_cast<std::size_t>(d.syntax_index)].entries.size();
                for (std::size_t i = 0; i < entries; ++i)
                    heads.push_back(encode_entry_head(pack_, slot, static_cast<int>(i), nullptr));
                break;
            }
            case dsl::DefinitionKind::decision: {
                const ast::Decision& decision = pack_.decision(slot);
                bool first_match = decision.policy == ast::HitPolicy::first_match;
                // A collect decision's whole value is never an entry of its own, constant or not.
                if (!first_match) explained.form = ExplainedDefinition::Form::collect;
                for (std::size_t r = 0; r < decision.rows.size(); ++r) {
                    const ast::Row& row = decision.rows[r];
                    heads.push_back(encode_entry_head(pack_, slot, static_cast<int>(r), row.condition.get()));
                    reads.push_back(sites({row.condition.get(), first_match ? row.value.get() : nullptr}));
                    // A walkthrough says why a collect row added nothing, so its parts are indexed too.
                    if (row.condition) failed_parts(*row.condition);
                    if (!first_match) continue;
                    explained.attempts.push_back(encode_attempt_head(pack_, static_cast<int>(r), row));
                }
                break;
            }
        }
        if (constant && explained.form != ExplainedDefinition::Form::collect) {
            explained.form = ExplainedDefinition::Form::constant;
            explained.whole = encode_constant_entry(pack_, slot, *constant);
        }
        compact(explained);
    }

private:
    // The compact explanation's texts of the entry's fixed parts (compact_explanation.hpp).
    void compact(ExplainedDefinition& explained) {
        for (const auto& head : explained.heads) explained.compact_heads.push_back(dictionary_.compact(head));
        for (const auto& attempt : explained.attempts)
            explained.compact_attempts.push_back(dictionary_.compact(attempt));
        if (!explained.whole.empty()) explained.compact_whole = dictionary_.compact(explained.whole);
    }

    CompiledPack& pack_;
    ExplanationTables& tables_;
    const dsl::CheckedPack& checked_;
    CompactDictionaryBuilder dictionary_;
};

}  // namespace

void index_explanations(CompiledPack& pack) {
    std::size_t definitions = pack.checked->definitions.size();
    pack.explanation.entry_reads.assign(definitions, {});
    pack.explanation.explained.assign(definitions, {});
    pack.explanation.failed_parts.assign(static_cast<std::size_t>(pack.checked->expression_count), FailedPart{});
    Indexer indexer(pack);
    for (std::size_t slot = 0; slot < definitions; ++slot) indexer.definition(static_cast<int>(slot));
}

}  // namespace frontdoor::engine
