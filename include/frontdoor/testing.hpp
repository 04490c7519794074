#pragma once
// Scenario tests of a pack (`frontdoor test`): each scenario names an input and what its decision
// must hold; the run reports every difference and which rules no scenario exercised.
#include "frontdoor/frontdoor.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor {

struct ScenarioMismatch {
    std::string field;     // top-level decision field, or "refusal"
    std::string expected;  // JSON
    std::string actual;    // JSON
};

struct ScenarioResult {
    std::string file;      // file name inside the scenarios folder
    std::string title;
    bool passed = false;
    std::string error;     // the scenario file itself is unusable (bad JSON, no "contact")
    std::vector<ScenarioMismatch> mismatches;
};

// One rule of the pack and whether any scenario exercised it: a definition computed, a decision
// row that applied, a table entry looked up, a refusal that fired.
struct CoverageItem {
    std::string kind;      // "definition", "row", "table entry", "refusal"
    std::string name;      // "<decision>, row 3"
    std::string location;  // "<pack>/<file>.rules:52:3"
    bool covered = false;
};

struct TestReport {
    std::vector<ScenarioResult> scenarios;
    std::vector<CoverageItem> coverage;
    std::size_t passed() const;
    std::size_t failed() const;
    std::size_t covered() const;
};

// Runs every *.json scenario in `folder` (sorted by name). A scenario is
// {"scenario": title, "narrative": text, "contact": input, "expect": {field: value, ...}} or, for
// an input that must be refused, "expect_refusal": {"path": pointer, "message": substring}.
TestReport run_scenarios(const Pack& pack, const std::string& folder);

// The contact of a scenario file's text as written: the bytes of its one "contact" member, which
// scenarios and walkthroughs decide exactly as eval would read them (never a re-serialisation,
// which would collapse a key given twice). Nothing when `scenario` is not valid JSON, not an
// object, or does not give "contact" exactly once (by that spelling, without escapes).
std::optional<std::string_view> scenario_contact(std::string_view scenario);

}  // namespace frontdoor
