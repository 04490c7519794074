// The load pipeline: every pass of loading a pack, in order, in `load_pipeline` below. The front
// end's own passes (parse, then the checker's) are listed in dsl/check_pack.cpp; the folding
// passes are documented, before and after, in engine/load/fold_constants.hpp.
#include "engine/load/load_pipeline.hpp"

#include "engine/load/digest_pack.hpp"
#include "engine/load/pack_access.hpp"

#include "engine/explain/explain.hpp"
#include "engine/load/compile_conditions.hpp"
#include "engine/load/fold_constants.hpp"
#include "engine/load/index_rows.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>

namespace frontdoor::engine {

namespace {

// What the passes hand on: the files, the checked pack, the compiled pack as far as it is built,
// and the diagnostics.
struct Loading {
    dsl::PackFiles files;
    const dsl::DataFileReader& read_data;
    std::unique_ptr<dsl::CheckedPack> checked;
    std::shared_ptr<CompiledPack> pack;
    std::vector<Diagnostic> reported;       // what the load result will show
    std::optional<dsl::Diagnostics> found;  // what the passes on the compiled pack find
};

// A pass; false when the pack does not load and the passes after it are not run.
using LoadPass = bool (*)(Loading&);

// Before: rule files as text. After: the checked pack, or its errors (dsl/check_pack.cpp).
bool parse_and_check(Loading& loading) {
    loading.checked = dsl::check_pack(loading.files, loading.read_data, loading.reported);
    return loading.checked != nullptr;
}

// Before: definitions that read one another. After: the decision graph in the order they are
// computed, or an error at each cycle. Warnings join the checker's, all sorted by position.
bool build_graph(Loading& loading) {
    loading.pack = std::make_shared<CompiledPack>();
    dsl::Diagnostics graph_diagnostics(loading.checked->sources);
    loading.pack->graph = build_decision_graph(*loading.checked, graph_diagnostics);
    auto more = graph_diagnostics.sorted();
    auto& reported = loading.reported;
    reported.insert(reported.end(), more.begin(), more.end());
    std::stable_sort(reported.begin(), reported.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    return !graph_diagnostics.has_errors();
}

// Before: the rule files and, apart, the data files they named. After: the pack's name, version,
// files (rule and data, sorted by path) and digest over exactly those files.
bool identify(Loading& loading) {
    CompiledPack& pack = *loading.pack;
    for (const auto& data_file : loading.checked->data_files) loading.files.files.push_back(data_file);
    std::sort(loading.files.files.begin(), loading.files.files.end());
    pack.name = loading.checked->syntax.manifests.front().name;
    pack.version = loading.checked->syntax.manifests.front().version;
    pack.checked = std::move(loading.checked);
    pack.digest = digest_pack(loading.files.files);
    pack.files = std::move(loading.files);
    loading.found.emplace(pack.checked->sources);
    return true;
}

// Runs a pass over the compiled pack, which reports what it finds in `found`.
template <void (*pass)(CompiledPack&, dsl::Diagnostics&)>
bool on_pack(Loading& loading) {
    pass(*loading.pack, *loading.found);
    return true;
}

// Before: errors found by the passes on the compiled pack (constants that overflow). After: the pack
// does not load if there are any; they are reported sorted by position.
bool refuse_found_errors(Loading& loading) {
    if (!loading.found->has_errors()) return true;
    auto found = loading.found->sorted();
    loading.reported.insert(loading.reported.end(), found.begin(), found.end());
    return false;
}

// Before: the compiled pack. After: what explaining a decision needs (engine/load/index_explanations.cpp).
bool explanations(Loading& loading) {
    index_explanations(*loading.pack);
    return true;
}

struct NamedPass {
    std::string_view name;
    LoadPass run;
};

constexpr NamedPass load_pipeline[] = {
    {"parse and check", parse_and_check},
    {"build decision graph", build_graph},
    {"name, list and digest the files", identify},
    {"make expression plans", on_pack<make_expression_plans>},
    {"compile inputs", on_pack<compile_inputs>},
    {"index texts", on_pack<index_texts>},
    {"index names", on_pack<index_names>},
    // and, or, not, relations and paths are told apart before anything is evaluated (holds
    // relies on it); the shortcuts against constants are chosen once constants are folded.
    {"index condition tests", on_pack<index_condition_tests>},
    {"fold constant expressions", on_pack<fold_constant_expressions>},
    {"fold constant definitions", on_pack<fold_constant_definitions>},
    {"index member tests", on_pack<index_member_tests>},
    {"index condition tests against constants", on_pack<index_condition_tests>},
    {"compile conditions into flat programs", on_pack<compile_conditions>},
    {"refuse found errors", refuse_found_errors},
    // Rows are indexed by the constants they test, so after folding.
    {"index rows by what they test", on_pack<index_rows>},
    {"index explanations", explanations},
};

}  // namespace

LoadResult run_load_pipeline(const std::string& label, std::vector<std::pair<std::string, std::string>> rule_files,
                             const dsl::DataFileReader& read_data) {
    Loading loading{dsl::PackFiles{label, std::move(rule_files)}, read_data, nullptr, nullptr, {}, std::nullopt};
    for (const NamedPass& pass : load_pipeline)
        if (!pass.run(loading)) return LoadResult{nullptr, std::move(loading.reported)};
    return LoadResult{PackAccess::make(std::move(loading.pack)), std::move(loading.reported)};
}

}  // namespace frontdoor::engine
