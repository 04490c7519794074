// Loading a pack: read its files (engine/load/read_pack_files.cpp says which it may read), then run the
// load pipeline over them (engine/load/load_pipeline.cpp lists its passes).
#include "dsl/diagnostics.hpp"
#include "engine/load/load_pipeline.hpp"
#include "engine/load/pack_access.hpp"
#include "engine/load/pack_limits.hpp"
#include "engine/load/read_pack_files.hpp"
#include "frontdoor/frontdoor.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace frontdoor {

namespace {

// Problems with a pack's files as such (not their text): each about one file, with no position.
struct PackFileErrors {
    std::string label;
    std::vector<Diagnostic> diagnostics;
    PackFileErrors& about_pack(std::string message) { return add(label, std::move(message)); }
    PackFileErrors& about_file(const std::string& name, std::string message) {
        return add(label + "/" + name, std::move(message));
    }
    PackFileErrors& add(std::string file, std::string message) {
        Diagnostic d;
        d.file = std::move(file);
        d.message = std::move(message);
        diagnostics.push_back(std::move(d));
        return *this;
    }
    LoadResult failed() { return LoadResult{nullptr, std::move(diagnostics)}; }
};

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
    return engine::run_load_pipeline(label, std::move(rule_files), read_data);
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
        std::string problem =
            i > 0 && files[i - 1].first == name ? "is given twice" : engine::relative_path_problem(name);
        if (problem.empty() && rule_file)
            problem = engine::size_problem(text.size(), engine::max_rule_file_bytes, "a rule file");
        if (problem.empty() && rule_file) problem = size.add(text.size());
        if (!problem.empty())
            errors.about_file(name, std::string(rule_file ? "the rule file '" : "the file '") + name + "' " + problem);
        else if (rule_file) rule_files.emplace_back(name, std::move(text));
        else data_files.emplace(name, std::move(text));
    }
    if (!errors.diagnostics.empty()) return errors.failed();
    std::set<std::string> named;
    auto read_data = [&](const std::string& name) {
        named.insert(name);
        if (std::string problem = engine::relative_path_problem(name); !problem.empty())
            return dsl::DataFile{{}, problem};
        auto found = data_files.find(name);
        if (found == data_files.end()) return dsl::DataFile{{}, "does not exist in the pack directory"};
        std::string problem = engine::size_problem(found->second.size(), engine::max_data_file_bytes, "a data file");
        if (problem.empty()) problem = size.add(found->second.size());
        return problem.empty() ? dsl::DataFile{found->second, {}} : dsl::DataFile{{}, problem};
    };
    LoadResult result = engine::run_load_pipeline(label, std::move(rule_files), read_data);
    if (!result.pack) return result;
    // A file no rule names would change the digest without changing a decision: refused.
    for (const auto& [name, text] : data_files)
        if (!named.count(name))
            errors.about_file(name, "the file '" + name + "' is neither a rule file nor a data file a rule names");
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
