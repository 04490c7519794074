// `frontdoor test`: run a pack's scenarios, show each failure as a diff, report rule coverage, and
// with --update accept the decisions now given as the scenarios' new expectations.
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/display_text.hpp"
#include "frontdoor/testing.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

namespace frontdoor::cli {

namespace {

const char* const help = R"(Usage: frontdoor test --rules DIR [--only PATTERN] [-v] [--update] [--scenarios FOLDER]
                      [--coverage] [--min-coverage PERCENT]
       frontdoor test DIR ...   (the same: the pack directory may be given on its own)

Runs every scenario in DIR/scenarios (or FOLDER): each names a contact and what its decision must
hold. Each failure is shown field by field (- expected, + decided). Then it reports coverage:
which definitions, decision rows, table entries and refusals no scenario exercised, with their
file:line (--coverage lists every rule, covered or not); a named row is listed by its name.

  --only PATTERN   run only the scenarios whose file name matches PATTERN, with or without
                   .json: one name (004-level-4-progress-to-s47) or a glob ('04*', '*consent*').
                   Coverage then counts only the scenarios run.
  -v               list the scenarios that pass too.
  --update         after showing each difference, rewrite the failing scenarios' expectations
                   with the decisions now given: only the values that differ change, every other
                   byte of the file stays as it was. A scenario that expects a decision and is now
                   refused (or the other way round) is not rewritten; it is reported, and the
                   exit status is 1. Works with --only, to accept one scenario at a time.

Exits 0 when every scenario passes (or, with --update, every failure was rewritten), 1 if any
scenario failed, or if fewer than PERCENT of the rules were exercised (--min-coverage 100 before
publishing a pack); 4 when the pack does not load; 5 when a scenario file cannot be rewritten (see
frontdoor --help for the others).
)";

// A scenario's file name and title, which the scenario file gives: shown, never obeyed
// (escape_for_display), as is every text the report quotes from a scenario or a refusal.
std::string scenario_name(const ScenarioResult& result) {
    return escape_for_display(result.file + (result.title.empty() ? "" : ": " + result.title));
}

void print_failure(const ScenarioResult& result) {
    std::cout << "FAIL " << scenario_name(result) << "\n";
    if (!result.error.empty()) std::cout << "  " << escape_for_display(result.error) << "\n";
    for (const auto& m : result.mismatches) {
        std::cout << "  " << escape_for_display(m.field) << "\n";
        std::cout << "    - expected: " << escape_for_display(m.expected) << "\n";
        std::cout << "    + decided:  " << escape_for_display(m.actual) << "\n";
    }
}

// Writes the accepted expectations; false (after saying why) when a file cannot be written.
bool update_scenario(const ScenarioResult& result, const std::string& folder, std::size_t& not_updated) {
    if (result.updated.empty()) {
        std::cout << "  not updated: "
                  << escape_for_display(result.not_updatable.empty() ? result.error : result.not_updatable) << "\n";
        ++not_updated;
        return true;
    }
    std::filesystem::path file = std::filesystem::path(folder) / result.file;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << result.updated;
    out.close();
    if (!out) {
        std::cerr << "frontdoor test: " << file.string() << ": cannot be written\n";
        return false;
    }
    std::cout << "  updated " << file.string() << "\n";
    return true;
}

void print_coverage(const TestReport& report, bool all) {
    std::cout << "\ncoverage: " << report.covered() << " of " << report.coverage.size() << " rules exercised";
    if (!report.coverage.empty()) std::cout << " (" << (100 * report.covered() / report.coverage.size()) << "%)";
    std::cout << "\n";
    for (const auto& item : report.coverage)
        if (all || !item.covered)
            std::cout << "  " << (item.covered ? "covered     " : "not covered ") << item.location << ": " << item.kind
                      << " " << item.name << "\n";
}

// --min-coverage PERCENT, a number from 0 to 100 written in full (17, 99.5): anything else is a
// usage error before anything runs. (std::stod took "50abc" as 50 and "nan" as a bar every pack
// clears, and stopped on "abc" with an internal error after every scenario had run.)
bool minimum_coverage(const Args& args, double& minimum) {
    bool given = false;
    std::string text = option(args, "--min-coverage", &given);
    if (!given) return true;
    if (std::regex_match(text, std::regex("[0-9]{1,3}(\\.[0-9]+)?")) && std::stod(text) <= 100.0) {
        minimum = std::stod(text);
        return true;
    }
    std::cerr << "frontdoor test: --min-coverage takes a percentage from 0 to 100, e.g. 100 or 99.5, not '" << text
              << "'\n";
    return false;
}

}  // namespace

int run_test(const Args& args) {
    if (wants_help(args)) {
        std::cout << help;
        return 0;
    }
    const OptionSpec spec{{"--rules", "--scenarios", "--min-coverage", "--only"}, {"--coverage", "-v", "--update"}, 1};
    if (!arguments_ok("test", args, spec)) return exit_usage;
    std::string dir;
    if (!pack_directory("test", args, spec, dir)) return exit_usage;
    double minimum = 0;
    if (!minimum_coverage(args, minimum)) return exit_usage;
    auto pack = load_or_report(dir, false);
    if (!pack) return exit_pack_failed;
    bool has_folder = false;
    std::string folder = option(args, "--scenarios", &has_folder);
    if (!has_folder) folder = dir + "/scenarios";
    std::string only = option(args, "--only");
    TestReport report = run_scenarios(*pack, folder, only);
    bool update = flag(args, "--update"), verbose = flag(args, "-v");
    std::size_t not_updated = 0;
    for (const auto& result : report.scenarios) {
        if (result.passed) {
            if (verbose) std::cout << "PASS " << scenario_name(result) << "\n";
            continue;
        }
        print_failure(result);
        if (update && !update_scenario(result, folder, not_updated)) return exit_io_failed;
    }
    print_coverage(report, flag(args, "--coverage"));
    std::cout << report.passed() << " passed, " << report.failed() << " failed";
    if (update) std::cout << " (" << report.failed() - not_updated << " updated)";
    std::cout << "\n";
    if (report.scenarios.empty()) {
        std::cout << "no scenarios in " << folder << (only.empty() ? "" : " match '" + only + "'") << "\n";
        return 1;
    }
    if (!report.coverage.empty() &&
        100.0 * static_cast<double>(report.covered()) / static_cast<double>(report.coverage.size()) < minimum) {
        std::cout << "coverage is below the required " << option(args, "--min-coverage") << "%\n";
        return 1;
    }
    if (update) return not_updated > 0 ? 1 : 0;
    return report.failed() > 0 ? 1 : 0;
}

}  // namespace frontdoor::cli
