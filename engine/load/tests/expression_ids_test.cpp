// The checker numbers every expression and citation of a pack once, densely (Expr::id,
// Citation::id), and loading leaves the checked tree exactly as the checker made it: what the
// engine works out about an expression lives in its own arrays by id (ExpressionPlan,
// ExplanationTables), never in the tree.
#include "test_records_fixture.hpp"

#include "dsl/checked_pack.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
namespace ast = frontdoor::dsl::ast;

namespace {

std::unique_ptr<frontdoor::dsl::CheckedPack> check_directory(const fs::path& directory) {
    frontdoor::dsl::PackFiles files{directory.string(), {}};
    for (const auto& entry : fs::directory_iterator(directory))
        if (entry.path().extension() == ".rules")
            files.files.emplace_back(entry.path().filename().string(), read_text(entry.path()));
    std::sort(files.files.begin(), files.files.end());
    auto read_data = [&](const std::string& name) { return frontdoor::dsl::DataFile{read_text(directory / name), ""}; };
    std::vector<frontdoor::Diagnostic> diagnostics;
    auto checked = frontdoor::dsl::check_pack(files, read_data, diagnostics);
    INFO(frontdoor::render_all(diagnostics));
    REQUIRE(checked);
    return checked;
}

// Every expression and citation of a checked pack, each as one line of everything the checker
// set on it, in the order the checker numbers them.
class Fingerprint {
public:
    void expression(const ast::ExprPtr& expr) {
        if (!expr) return;
        const ast::Resolution& r = expr->resolved;
        out_ << "expr " << expr->id << ' ' << int(expr->kind) << ' ' << int(r.kind) << ' ' << int(r.op) << ' '
             << int(r.builtin) << ' ' << int(r.quantifier) << ' ' << r.index << ' ' << r.field_index << ' '
             << r.enum_member << ' ' << expr->number << ' ' << expr->text << " [";
        for (int field : r.field_path) out_ << field << ',';
        out_ << "] [";
        for (int field : r.field_indices) out_ << field << ',';
        out_ << "]\n";
        ids_.push_back(expr->id);
        for (const auto& arg : expr->args) expression(arg);
        for (const auto& key : expr->keys) expression(key);
        for (const auto& [name, value] : expr->fields) expression(value);
    }
    void citation(const ast::Citation& citation) {
        out_ << "citation " << citation.id << ' ' << citation.present << ' ' << citation.text << '\n';
        citation_ids_.push_back(citation.id);
    }
    void pack(const ast::Pack& syntax) {
        for (const auto& manifest : syntax.manifests) citation(manifest.citation);
        for (const auto& record : syntax.records)
            for (const auto& field : record.fields) expression(field.default_value);
        for (const auto& input : syntax.inputs)
            for (const auto& refusal : input.refusals) {
                expression(refusal.each_list);
                expression(refusal.condition);
                expression(refusal.at);
                citation(refusal.citation);
            }
        for (const auto& let : syntax.lets) {
            expression(let.value);
            citation(let.citation);
        }
        for (const auto& decision : syntax.decisions)
            for (const auto& row : decision.rows) {
                expression(row.each_list);
                expression(row.condition);
                expression(row.value);
                citation(row.citation);
            }
        for (const auto& table : syntax.tables)
            for (const auto& entry : table.entries) {
                expression(entry.key);
                expression(entry.value);
                citation(entry.citation);
            }
        for (const auto& output : syntax.outputs)
            for (const auto& field : output.fields) expression(field.value);
        for (const auto& sets : syntax.exclusive_sets) citation(sets.citation);
        for (const auto& rows : syntax.exclusive_rows) citation(rows.citation);
    }
    std::string text() const { return out_.str(); }
    const std::vector<int>& ids() const { return ids_; }
    const std::vector<int>& citation_ids() const { return citation_ids_; }

private:
    std::ostringstream out_;
    std::vector<int> ids_, citation_ids_;
};

void require_dense(std::vector<int> ids, int count) {
    std::sort(ids.begin(), ids.end());
    REQUIRE(static_cast<int>(ids.size()) == count);
    for (int i = 0; i < count; ++i) REQUIRE(ids[static_cast<std::size_t>(i)] == i);
}

}  // namespace

TEST_CASE("the checker numbers every expression and citation once, from 0 with no gap", "[expression_ids]") {
    auto checked = check_directory(records_test::sample_pack_dir());
    Fingerprint fingerprint;
    fingerprint.pack(checked->syntax);
    CHECK(checked->expression_count > 400);  // the walk reached the whole pack (the sample pack: several hundred)
    require_dense(fingerprint.ids(), checked->expression_count);
    require_dense(fingerprint.citation_ids(), checked->citation_count);
}

TEST_CASE("loading a pack leaves its checked syntax tree as the checker made it", "[expression_ids]") {
    fs::path pack_dir = records_test::sample_pack_dir();
    auto checked = check_directory(pack_dir);
    Fingerprint as_checked;
    as_checked.pack(checked->syntax);

    frontdoor::LoadResult loaded = frontdoor::Pack::load_directory(pack_dir.string());
    REQUIRE(loaded.pack);
    const frontdoor::engine::CompiledPack& compiled = frontdoor::PackAccess::compiled(*loaded.pack);
    Fingerprint as_loaded;
    as_loaded.pack(compiled.checked->syntax);
    // Constants folded, shortcuts chosen and explanations indexed, all in the engine's own arrays.
    CHECK(!compiled.constants.empty());
    CHECK(compiled.plans.size() == static_cast<std::size_t>(compiled.checked->expression_count));
    CHECK(compiled.explanation.encoded_texts.size() == compiled.plans.size());
    CHECK(as_loaded.text() == as_checked.text());
}
