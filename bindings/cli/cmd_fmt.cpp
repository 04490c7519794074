// `frontdoor fmt`: print, check or rewrite rule files in their canonical layout.
#include "commands.hpp"
#include "exit_status.hpp"

#include "frontdoor/format.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace frontdoor::cli {

namespace {

namespace fs = std::filesystem;

const char* const help = R"(Usage: frontdoor fmt DIR|FILE [--check | --write]
       frontdoor fmt --rules DIR [--check | --write]

Prints rule files in their canonical layout, the one every pack is kept in: two spaces of
indentation; one empty line between declarations; in a decision each row's value on a line of its
own with `when <condition>` and `[source "..."]` below it; long conditions broken before `and` and
`or`; lists and enums wrapped at 100 columns. Comments stay where they are. The layout never
changes what the rules decide, and formatting a formatted file changes nothing.

For a directory, every .rules file in it is printed, each after a line naming it.

  --check   Print nothing but the names of the files whose layout differs, and exit with 1 if
            any does (0 otherwise). Use it before committing a change to a pack.
  --write   Rewrite in place the files whose layout differs, and print their names.

A file with a syntax error is not formatted: its errors are printed, as `frontdoor check` prints
them, and the exit status is 4 (the rule files do not load), as for every command.

Exits 0, or 1 when --check finds a file whose layout differs, 2 for a usage error, 4 when a file
has a syntax error, 5 when a file cannot be read or rewritten or standard output cannot be written.
)";

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Writes next to the file, then renames, so that the file is never left half written; the file
// keeps its permissions.
bool write_text(const fs::path& path, const std::string& text) {
    fs::path temporary = path;
    temporary += ".fmt-tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) return false;
    }
    std::error_code error;
    fs::permissions(temporary, fs::status(path).permissions(), error);
    if (!error) fs::rename(temporary, path, error);
    if (!error) return true;
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return false;
}

// The files to format, by the names they are printed with: FILE itself, or DIR's .rules files in
// name order.
std::vector<std::string> rule_files(const std::string& target) {
    std::vector<std::string> files;
    std::error_code error;
    if (!fs::is_directory(target, error)) return {target};
    std::string directory = target;
    while (directory.size() > 1 && directory.back() == '/') directory.pop_back();
    for (const auto& entry : fs::directory_iterator(target))
        if (entry.is_regular_file() && entry.path().extension() == ".rules")
            files.push_back(directory + "/" + entry.path().filename().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

int run_fmt(const Args& args) {
    if (wants_help(args)) {
        std::cout << help;
        return 0;
    }
    const OptionSpec spec{{"--rules"}, {"--check", "--write"}, 1};
    if (!arguments_ok("fmt", args, spec)) return exit_usage;
    bool check = flag(args, "--check"), write = flag(args, "--write");
    auto targets = positional(args, spec);
    bool has_rules = false;
    std::string rules = option(args, "--rules", &has_rules);
    if (has_rules) targets.push_back(rules);
    if (targets.size() != 1 || (check && write)) {
        std::cerr << "frontdoor fmt: give one rule file or pack directory, and at most one of --check and --write,\n"
                     "e.g. frontdoor fmt --check rules/hackney\n";
        return exit_usage;
    }
    std::error_code error;
    if (!fs::exists(targets[0], error)) {
        std::cerr << "frontdoor fmt: " << targets[0] << ": no such file or directory\n";
        return exit_io_failed;
    }
    auto files = rule_files(targets[0]);
    int status = 0;
    bool first = true;
    for (const auto& file : files) {
        std::string original = read_text(file);
        FormattedRules formatted = format_rule_file(file, original);
        if (!formatted.diagnostics.empty()) {
            std::cerr << render_all(formatted.diagnostics);
            // Notes (the bracket an unclosed-bracket error points back at) are not counted.
            auto errors = static_cast<std::size_t>(
                std::count_if(formatted.diagnostics.begin(), formatted.diagnostics.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::error; }));
            std::cerr << errors << (errors == 1 ? " error" : " errors") << " in " << file << ": not formatted\n";
            status = exit_pack_failed;
            continue;
        }
        bool differs = formatted.text != original;
        if (check || write) {
            if (!differs) continue;
            if (write && !write_text(file, formatted.text)) {
                std::cerr << "frontdoor fmt: could not rewrite " << file << "\n";
                status = exit_io_failed;
                continue;
            }
            std::cout << file << "\n";
            if (check && status == exit_ok) status = exit_refused;
            continue;
        }
        if (files.size() > 1) std::cout << (first ? "" : "\n") << "==> " << file << " <==\n";
        std::cout << formatted.text;
        first = false;
    }
    return status;
}

}  // namespace frontdoor::cli
