// Loading a pack: read its files (engine/read_pack_files.cpp says which it may read), check them,
// build the decision graph, compile input patterns and defaults, and work out the digest.
#include "dsl/diagnostics.hpp"
#include "engine/compiled_pack.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/fold_constants.hpp"
#include "engine/out_of_range.hpp"
#include "engine/pack_access.hpp"
#include "engine/pack_limits.hpp"
#include "engine/read_pack_files.hpp"
#include "frontdoor/frontdoor.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <set>

namespace frontdoor {

namespace {

// sha256 over each file as "<path>\0<byte length>\0<bytes>", files sorted by path.
std::string pack_digest(const std::vector<std::pair<std::string, std::string>>& files) {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
    for (const auto& [path, content] : files) {
        std::string header = path + '\0' + std::to_string(content.size()) + '\0';
        EVP_DigestUpdate(context, header.data(), header.size());
        EVP_DigestUpdate(context, content.data(), content.size());
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context, hash, &length);
    EVP_MD_CTX_free(context);
    static const char* const hex = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[hash[i] >> 4];
        out += hex[hash[i] & 15];
    }
    return out;
}

// Problems with a pack's files as such (not their text): each about one file, with no position.
struct PackFileErrors {
    std::string label;
    std::vector<Diagnostic> diagnostics;
    PackFileErrors& about_pack(std::string message) { return add(label, std::move(message)); }
    PackFileErrors& about_file(const std::string& name, std::string message) { return add(label + "/" + name, std::move(message)); }
    PackFileErrors& add(std::string file, std::string message) {
        Diagnostic d;
        d.file = std::move(file);
        d.message = std::move(message);
        diagnostics.push_back(std::move(d));
        return *this;
    }
    LoadResult failed() { return LoadResult{nullptr, std::move(diagnostics)}; }
};

// Defaults see no calendar and no definition (the checker's scope for them is empty), so computing
// them needs no holiday data; only an overflow (OutOfRange) can fail, reported at its expression.
void compile_inputs(engine::CompiledPack& pack, dsl::Diagnostics& diagnostics) {
    const auto& records = pack.checked->records;
    pack.defaults.resize(records.size());
    pack.patterns.resize(records.size());
    for (std::size_t r = 0; r < records.size(); ++r) {
        pack.defaults[r].assign(records[r].fields.size(), engine::Value::absent());
        pack.patterns[r].resize(records[r].fields.size());
        for (std::size_t f = 0; f < records[r].fields.size(); ++f) {
            const auto* syntax = records[r].fields[f].syntax;
            if (syntax && syntax->matching) pack.patterns[r][f] = std::make_shared<const engine::Pattern>(*syntax->matching);
        }
    }
    // A default may be a record literal whose own fields have defaults: evaluate in dependency
    // order by repeating until nothing changes (records cannot nest themselves).
    for (std::size_t round = 0; round <= records.size(); ++round) {
        for (std::size_t r = 0; r < records.size(); ++r) {
            for (std::size_t f = 0; f < records[r].fields.size(); ++f) {
                const auto* syntax = records[r].fields[f].syntax;
                if (!syntax || !syntax->default_value) continue;
                engine::Evaluation evaluation(pack, engine::Value::absent(), nullptr);
                try {
                    pack.defaults[r][f] = evaluation.eval(*syntax->default_value);
                } catch (const engine::OutOfRange& out_of_range) {
                    if (round == 0) engine::report_out_of_range(pack, out_of_range, diagnostics);
                }
            }
        }
    }
}

// The rest of loading, once the rule files are read: check them (reading the data files their
// syntax names through `read_data`), build the graph, and work out the digest over exactly the
// rule files and the data files read.
LoadResult compile_pack(const std::string& label, std::vector<std::pair<std::string, std::string>> rule_files,
                        const dsl::DataFileReader& read_data) {
    LoadResult result;
    dsl::PackFiles pack_files{label, std::move(rule_files)};
    auto checked = dsl::check_pack(pack_files, read_data, result.diagnostics);
    if (!checked) return result;
    auto compiled = std::make_shared<engine::CompiledPack>();
    dsl::Diagnostics graph_diagnostics(checked->sources);
    compiled->graph = engine::build_decision_graph(*checked, graph_diagnostics);
    auto more = graph_diagnostics.sorted();
    result.diagnostics.insert(result.diagnostics.end(), more.begin(), more.end());
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    if (graph_diagnostics.has_errors()) return result;
    for (const auto& data_file : checked->data_files) pack_files.files.push_back(data_file);
    std::sort(pack_files.files.begin(), pack_files.files.end());
    compiled->name = checked->syntax.manifests.front().name;
    compiled->version = checked->syntax.manifests.front().version;
    compiled->checked = std::move(checked);
    compiled->digest = pack_digest(pack_files.files);
    compiled->files = std::move(pack_files);
    dsl::Diagnostics load_diagnostics(compiled->checked->sources);
    compile_inputs(*compiled, load_diagnostics);
    engine::fold_constants(*compiled, load_diagnostics);
    if (load_diagnostics.has_errors()) {
        auto found = load_diagnostics.sorted();
        result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
        return result;
    }
    engine::index_explanations(*compiled);
    result.pack = PackAccess::make(std::move(compiled));
    return result;
}

}  // namespace

LoadResult Pack::load_directory(const std::string& directory) {
    std::string label = directory;
    while (label.size() > 1 && label.back() == '/') label.pop_back();
    PackFileErrors errors{label, {}};
    engine::PackDirectory root(directory);
    if (!root.problem().empty()) return errors.about_pack("the pack directory " + root.problem()).failed();
    std::string listing_problem;
    std::vector<std::string> names = root.rule_file_names(listing_problem);
    if (!listing_problem.empty()) return errors.about_pack("the pack directory " + listing_problem).failed();
    engine::PackSize size;
    std::vector<std::pair<std::string, std::string>> rule_files;
    for (const auto& name : names) {
        dsl::DataFile file = root.read(name, engine::max_rule_file_bytes, "a rule file");
        if (file.problem.empty()) file.problem = size.add(file.text.size());
        if (!file.problem.empty()) errors.about_file(name, "the rule file '" + name + "' " + file.problem);
        else rule_files.emplace_back(name, std::move(file.text));
    }
    if (!errors.diagnostics.empty()) return errors.failed();
    auto read_data = [&](const std::string& name) {
        dsl::DataFile file = root.read(name, engine::max_data_file_bytes, "a data file");
        if (file.problem.empty()) file.problem = size.add(file.text.size());
        return file;
    };
    return compile_pack(label, std::move(rule_files), read_data);
}

LoadResult Pack::load_files(const std::string& label, std::vector<std::pair<std::string, std::string>> files) {
    std::sort(files.begin(), files.end());
    PackFileErrors errors{label, {}};
    engine::PackSize size;
    std::vector<std::pair<std::string, std::string>> rule_files;
    std::map<std::string, std::string> data_files;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto& [name, text] = files[i];
        bool rule_file = dsl::is_rule_file(name);
        std::string problem = i > 0 && files[i - 1].first == name ? "is given twice" : engine::relative_path_problem(name);
        if (problem.empty() && rule_file) problem = engine::size_problem(text.size(), engine::max_rule_file_bytes, "a rule file");
        if (problem.empty() && rule_file) problem = size.add(text.size());
        if (!problem.empty()) errors.about_file(name, std::string(rule_file ? "the rule file '" : "the file '") + name + "' " + problem);
        else if (rule_file) rule_files.emplace_back(name, std::move(text));
        else data_files.emplace(name, std::move(text));
    }
    if (!errors.diagnostics.empty()) return errors.failed();
    std::set<std::string> named;
    auto read_data = [&](const std::string& name) {
        named.insert(name);
        if (std::string problem = engine::relative_path_problem(name); !problem.empty()) return dsl::DataFile{{}, problem};
        auto found = data_files.find(name);
        if (found == data_files.end()) return dsl::DataFile{{}, "does not exist in the pack directory"};
        std::string problem = engine::size_problem(found->second.size(), engine::max_data_file_bytes, "a data file");
        if (problem.empty()) problem = size.add(found->second.size());
        return problem.empty() ? dsl::DataFile{found->second, {}} : dsl::DataFile{{}, problem};
    };
    LoadResult result = compile_pack(label, std::move(rule_files), read_data);
    if (!result.pack) return result;
    // A file no rule names would change the digest without changing a decision: refused.
    for (const auto& [name, text] : data_files)
        if (!named.count(name)) errors.about_file(name, "the file '" + name + "' is neither a rule file nor a data file a rule names");
    if (errors.diagnostics.empty()) return result;
    result.diagnostics.insert(result.diagnostics.end(), errors.diagnostics.begin(), errors.diagnostics.end());
    result.pack = nullptr;
    return result;
}

const std::string& Pack::name() const { return impl_->name; }
const std::string& Pack::version() const { return impl_->version; }
const std::string& Pack::digest() const { return impl_->digest; }
const std::vector<std::pair<std::string, std::string>>& Pack::files() const { return impl_->files.files; }
const char* engine_version() { return FRONTDOOR_VERSION; }

}  // namespace frontdoor
