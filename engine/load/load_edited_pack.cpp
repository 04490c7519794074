// A pack directory with one file's text replaced by an editor's unsaved text: the same reading as
// Pack::load_directory (engine/load/load_pack.cpp), with the edited file served from memory.
#include "dsl/checked_pack.hpp"
#include "engine/load/load_pipeline.hpp"
#include "engine/load/pack_limits.hpp"
#include "engine/load/read_pack_files.hpp"
#include "frontdoor/edit_pack.hpp"

#include <algorithm>

namespace frontdoor {

namespace {

LoadResult failed(std::string file, std::string message) {
    Diagnostic d;
    d.file = std::move(file);
    d.message = std::move(message);
    return LoadResult{nullptr, {std::move(d)}};
}

}  // namespace

LoadResult load_edited_pack(const std::string& directory, const std::string& path, std::string text) {
    std::string label = directory;
    while (label.size() > 1 && label.back() == '/') label.pop_back();
    if (std::string problem = engine::relative_path_problem(path); !problem.empty())
        return failed(label + "/" + path, "the file '" + path + "' " + problem);
    engine::PackDirectory root(directory);
    if (!root.problem().empty()) return failed(label, "the pack directory " + root.problem());
    std::string listing_problem;
    std::vector<std::string> names = root.rule_file_names(listing_problem);
    if (!listing_problem.empty()) return failed(label, "the pack directory " + listing_problem);
    if (dsl::is_rule_file(path) && std::find(names.begin(), names.end(), path) == names.end()) {
        names.push_back(path);
        std::sort(names.begin(), names.end());
    }
    engine::PackSize size;
    // The edited file as if read from disk: within the same limits.
    auto read = [&](const std::string& name, std::uint64_t limit, const char* limit_name) {
        if (name != path) return root.read(name, limit, limit_name);
        dsl::DataFile file{text, engine::size_problem(text.size(), limit, limit_name)};
        if (!file.problem.empty()) file.text.clear();
        return file;
    };
    std::vector<std::pair<std::string, std::string>> rule_files;
    LoadResult errors;
    for (const auto& name : names) {
        dsl::DataFile file = read(name, engine::max_rule_file_bytes, "a rule file");
        if (file.problem.empty()) file.problem = size.add(file.text.size());
        if (!file.problem.empty())
            errors.diagnostics.push_back(
                failed(label + "/" + name, "the rule file '" + name + "' " + file.problem).diagnostics[0]);
        else rule_files.emplace_back(name, std::move(file.text));
    }
    if (!errors.diagnostics.empty()) return errors;
    auto read_data = [&](const std::string& name) {
        dsl::DataFile file = read(name, engine::max_data_file_bytes, "a data file");
        if (file.problem.empty()) file.problem = size.add(file.text.size());
        return file;
    };
    return engine::run_load_pipeline(label, std::move(rule_files), read_data);
}

}  // namespace frontdoor
