// `frontdoor test`: run a pack's scenarios, show each failure as a diff, report rule coverage.
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/testing.hpp"

#include <iostream>

namespace frontdoor::cli {

namespace {

void print_failure(const ScenarioResult& result) {
    std::cout << "FAIL " << result.file;
    if (!result.title.empty()) std::cout << ": " << result.title;
    std::cout << "\n";
    if (!result.error.empty()) std::cout << "  " << result.error << "\n";
    for (const auto& m : result.mismatches) {
        std::cout << "  " << m.field << "\n";
        std::cout << "    - expected: " << m.expected << "\n";
        std::cout << "    + decided:  " << m.actual << "\n";
    }
}

}  // namespace

int run_test(const Args& args) {
    if (wants_help(args)) {
        std::cout << "Usage: frontdoor test DIR [--scenarios FOLDER] [--coverage] [--min-coverage PERCENT]\n\n"
                     "Runs every scenario in DIR/scenarios (or FOLDER): each names a contact and what its decision must\n"
                     "hold. Each failure is shown field by field (- expected, + decided). Then it reports coverage:\n"
                     "which definitions, decision rows, table entries and refusals no scenario exercised, with their\n"
                     "file:line (--coverage lists every rule, covered or not). Exits 1 if any scenario failed, or if\n"
                     "fewer than PERCENT of the rules were exercised (--min-coverage 100 before publishing a pack); 4 when\n"
                     "the pack does not load (see frontdoor --help for the others).\n";
        return 0;
    }
    const OptionSpec spec{{"--scenarios", "--min-coverage"}, {"--coverage"}, 1};
    if (!arguments_ok("test", args, spec)) return exit_usage;
    auto dirs = positional(args, spec);
    if (dirs.size() != 1) {
        std::cerr << "frontdoor test: give one pack directory, e.g. frontdoor test rules/hackney\n";
        return exit_usage;
    }
    auto pack = load_or_report(dirs[0], false);
    if (!pack) return exit_pack_failed;
    bool has_folder = false;
    std::string folder = option(args, "--scenarios", &has_folder);
    if (!has_folder) folder = dirs[0] + "/scenarios";
    TestReport report = run_scenarios(*pack, folder);
    for (const auto& result : report.scenarios)
        if (!result.passed) print_failure(result);
    bool all = flag(args, "--coverage");
    std::cout << "\ncoverage: " << report.covered() << " of " << report.coverage.size() << " rules exercised";
    if (!report.coverage.empty())
        std::cout << " (" << (100 * report.covered() / report.coverage.size()) << "%)";
    std::cout << "\n";
    for (const auto& item : report.coverage)
        if (all || !item.covered)
            std::cout << "  " << (item.covered ? "covered     " : "not covered ") << item.location << ": " << item.kind << " " << item.name << "\n";
    std::cout << report.passed() << " passed, " << report.failed() << " failed\n";
    if (report.scenarios.empty()) {
        std::cout << "no scenarios in " << folder << "\n";
        return 1;
    }
    bool has_minimum = false;
    std::string minimum = option(args, "--min-coverage", &has_minimum);
    if (has_minimum && !report.coverage.empty() &&
        100.0 * static_cast<double>(report.covered()) / static_cast<double>(report.coverage.size()) < std::stod(minimum)) {
        std::cout << "coverage is below the required " << minimum << "%\n";
        return 1;
    }
    return report.failed() > 0 ? 1 : 0;
}

}  // namespace frontdoor::cli
