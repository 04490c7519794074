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
    std::string file;  // file name inside the scenarios folder
    std::string title;
    bool passed = false;
    std::string error;  // the scenario file itself is unusable (bad JSON, no "contact")
    std::vector<ScenarioMismatch> mismatches;
    // For a failed scenario whose differences `test --update` can accept: the file's text with
    // each differing expectation replaced by what is now given (every other byte as it was).
    std::string updated;
    // For a failed scenario it cannot accept (an unusable file, a refusal expected and a decision
    // given or the other way round, a field the decision does not have): why, for the user.
    std::string not_updatable;
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

// Runs every *.json scenario in `folder` (sorted by name) whose file name matches the glob `only`
// (fnmatch: `*`, `?`, `[...]`), with or without its ".json"; every scenario when `only` is empty.
// Coverage counts only the scenarios run. A scenario is
// {"scenario": title, "narrative": text, "contact": input, "expect": {field: value, ...}} or, for
// an input that must be refused, "expect_refusal": {"path": pointer, "message": substring}.
// An expected value may be {"contains": part} to match a part (expectation_holds).
TestReport run_scenarios(const Pack& pack, const std::string& folder, const std::string& only = {});

// Whether the decided value `actual` (JSON) meets the expectation `expected` (JSON). Equal values
// always do. An expectation that is an object whose only member is "contains" matches a part:
// {"contains": "text"} a text that contains "text"; {"contains": [a, b]} a list holding a and b
// (in any order, among others); {"contains": x} a list holding x; {"contains": {"k": v}} an object
// whose member k is v (other members ignored).
bool expectation_holds(std::string_view expected, std::string_view actual);

// The contact of a scenario file's text as written: the bytes of its one "contact" member, which
// scenarios and walkthroughs decide exactly as eval would read them (never a re-serialisation,
// which would collapse a key given twice). Nothing when `scenario` is not valid JSON, not an
// object, or does not give "contact" exactly once (by that spelling, without escapes).
std::optional<std::string_view> scenario_contact(std::string_view scenario);

}  // namespace frontdoor
