// Loading a pack: read its files, check them, build the decision graph, compile input patterns and
// defaults, and work out the digest.
#include "dsl/diagnostics.hpp"
#include "engine/compiled_pack.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/fold_constants.hpp"
#include "engine/out_of_range.hpp"
#include "frontdoor/frontdoor.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace frontdoor {

namespace fs = std::filesystem;

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

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The data files a pack names: today, the holiday files of its calendars.
std::set<std::string> referenced_data_files(const std::vector<std::pair<std::string, std::string>>& rule_files) {
    std::set<std::string> out;
    for (const auto& [path, text] : rule_files) {
        std::size_t at = 0;
        while ((at = text.find("holidays", at)) != std::string::npos) {
            std::size_t from = text.find("from", at);
            std::size_t open = from == std::string::npos ? from : text.find('"', from);
            std::size_t close = open == std::string::npos ? open : text.find('"', open + 1);
            at += 8;
            if (close == std::string::npos || text.find('\n', at) < open) continue;
            out.insert(text.substr(open + 1, close - open - 1));
        }
    }
    return out;
}

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

}  // namespace

LoadResult Pack::load_directory(const std::string& directory) {
    std::vector<std::pair<std::string, std::string>> files;
    std::error_code error;
    if (!fs::is_directory(directory, error)) {
        LoadResult result;
        Diagnostic d;
        d.file = directory;
        d.message = "not a directory: a pack is a directory of .rules files";
        result.diagnostics.push_back(d);
        return result;
    }
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.is_regular_file() && entry.path().extension() == ".rules")
            files.emplace_back(entry.path().filename().string(), read_file(entry.path()));
    }
    for (const auto& name : referenced_data_files(files)) {
        fs::path path = fs::path(directory) / name;
        if (fs::is_regular_file(path)) files.emplace_back(name, read_file(path));
    }
    std::string label = directory;
    while (label.size() > 1 && label.back() == '/') label.pop_back();
    return load_files(label, std::move(files));
}

LoadResult Pack::load_files(const std::string& label, std::vector<std::pair<std::string, std::string>> files) {
    std::sort(files.begin(), files.end());
    LoadResult result;
    dsl::PackFiles pack_files{label, files};
    auto checked = dsl::check_pack(pack_files, result.diagnostics);
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
    compiled->name = checked->syntax.manifests.front().name;
    compiled->version = checked->syntax.manifests.front().version;
    compiled->checked = std::move(checked);
    compiled->digest = pack_digest(files);
    compiled->files = pack_files;
    dsl::Diagnostics load_diagnostics(compiled->checked->sources);
    compile_inputs(*compiled, load_diagnostics);
    engine::fold_constants(*compiled, load_diagnostics);
    if (load_diagnostics.has_errors()) {
        auto found = load_diagnostics.sorted();
        result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
        return result;
    }
    engine::index_explanations(*compiled);
    result.pack = std::make_shared<const Pack>(std::move(compiled));
    return result;
}

const std::string& Pack::name() const { return impl_->name; }
const std::string& Pack::version() const { return impl_->version; }
const std::string& Pack::digest() const { return impl_->digest; }
const std::vector<std::pair<std::string, std::string>>& Pack::files() const { return impl_->files.files; }
const char* engine_version() { return FRONTDOOR_VERSION; }

}  // namespace frontdoor
