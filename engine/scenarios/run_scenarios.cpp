// `frontdoor test`: runs a pack's scenarios and measures which rules they exercised.
#include "engine/decide/decide.hpp"
#include "engine/input/read_input.hpp"
#include "engine/json/json_members.hpp"
#include "engine/json/parse_json_within_depth.hpp"
#include "engine/load/pack_access.hpp"
#include "engine/scenarios/coverage.hpp"
#include "engine/scenarios/match_expectation.hpp"
#include "engine/scenarios/rewrite_expectations.hpp"
#include "frontdoor/testing.hpp"

#include <nlohmann/json.hpp>

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace frontdoor {

namespace fs = std::filesystem;
using nlohmann::json;

std::size_t TestReport::passed() const {
    return static_cast<std::size_t>(
        std::count_if(scenarios.begin(), scenarios.end(), [](const ScenarioResult& s) { return s.passed; }));
}
std::size_t TestReport::failed() const { return scenarios.size() - passed(); }
std::size_t TestReport::covered() const {
    return static_cast<std::size_t>(
        std::count_if(coverage.begin(), coverage.end(), [](const CoverageItem& c) { return c.covered; }));
}

namespace {

// Mismatches are listed in the order of the decision's fields, so diffs read like the decision.
void compare_decision(const json& expect, const std::string& decision_text, ScenarioResult& result) {
    json decision = json::parse(decision_text);
    nlohmann::ordered_json in_order = nlohmann::ordered_json::parse(decision_text);
    for (const auto& [field, value] : in_order.items()) {
        auto expected = expect.find(field);
        if (expected != expect.end() && !engine::expectation_met(*expected, decision[field]))
            result.mismatches.push_back({field, expected->dump(), decision[field].dump()});
    }
    for (const auto& [field, expected] : expect.items())
        if (!decision.contains(field))
            result.mismatches.push_back({field, expected.dump(), "(no such field in the decision)"});
}

// The message may be a part of the refusal's message, written as a text (as it always could be) or
// as {"contains": text}.
void compare_refusal(const json& expect, const engine::InputRefusal* refusal, ScenarioResult& result) {
    if (!refusal) {
        result.mismatches.push_back({"refusal", expect.dump(), "(the input was decided, not refused)"});
        return;
    }
    std::string path = expect.value("path", "");
    json message = expect.contains("message") ? expect["message"] : json("");
    if (message.is_string()) message = json{{"contains", message}};
    json actual = {{"path", refusal->path}, {"message", refusal->message}};
    if (path != refusal->path || !engine::expectation_met(message, refusal->message))
        result.mismatches.push_back({"refusal", expect.dump(), actual.dump()});
}

// What --update would write: each differing expectation replaced by the value now given, in the
// layout nlohmann writes with two spaces a level (a partial expectation becomes the whole value).
void prepare_update(const std::string& text, const json& scenario, const std::string& decision_text,
                    const engine::InputRefusal* refusal, ScenarioResult& result) {
    std::vector<std::pair<std::string, std::string>> values;
    std::string block = scenario.contains("expect_refusal") ? "expect_refusal" : "expect";
    if (block == "expect_refusal" && refusal) {
        const json& expect = scenario["expect_refusal"];
        if (expect.contains("path") && expect["path"] != refusal->path)
            values.emplace_back("path", json(refusal->path).dump());
        if (expect.contains("message")) values.emplace_back("message", json(refusal->message).dump());
    } else if (block == "expect" && !refusal) {
        auto decision = nlohmann::ordered_json::parse(decision_text);
        for (const auto& m : result.mismatches) {
            if (!decision.contains(m.field)) {
                result.not_updatable = "the decision has no field '" + m.field + "': remove it from \"expect\" by hand";
                return;
            }
            values.emplace_back(m.field, decision[m.field].dump(2));
        }
    } else {
        result.not_updatable = refusal
                                   ? "the contact is now refused, and the scenario expects a decision: edit it by hand"
                                   : "the contact is now decided, and the scenario expects a refusal: edit it by hand";
        return;
    }
    auto updated = engine::rewrite_expectations(text, block, values);
    if (updated) result.updated = *updated;
    else
        result.not_updatable =
            "an expectation is given more than once, or not as a member of \"" + block + "\": edit it by hand";
}

// A field the scenario gives twice in one object outside its contact ("expect" twice, "outcome"
// twice in it), or "": the contact's own are the reader's to refuse, as eval refuses them.
std::string repeated_outside_contact(const std::string& text, std::string_view contact) {
    std::string outside = text;
    outside.replace(static_cast<std::size_t>(contact.data() - text.data()), contact.size(), "{}");
    engine::JsonParseFailure failure = engine::JsonParseFailure::none;
    std::string field;
    engine::parse_json_within_depth<json>(outside, &failure, &field);
    return failure == engine::JsonParseFailure::repeated_field ? field : "";
}

ScenarioResult run_one(const engine::CompiledPack& pack, const fs::path& file, engine::Coverage& coverage) {
    ScenarioResult result;
    result.file = file.filename().string();
    std::ifstream in(file, std::ios::binary);
    std::stringstream read;
    read << in.rdbuf();
    const std::string text = read.str();
    engine::JsonParseFailure failure = engine::JsonParseFailure::none;
    json scenario = engine::parse_json_within_depth<json>(text, &failure);
    if (failure == engine::JsonParseFailure::too_deep) {
        result.error =
            "not a scenario: it nests deeper than " + std::to_string(engine::max_json_depth) + " levels (the limit)";
        return result;
    }
    if (scenario.is_discarded() || !scenario.is_object() || !scenario.contains("contact") ||
        !(scenario.contains("expect") || scenario.contains("expect_refusal"))) {
        result.error = "not a scenario: expected a JSON object with \"contact\" and \"expect\" (or \"expect_refusal\")";
        return result;
    }
    // The contact is decided from its bytes as written, as eval would read them: never from a
    // re-serialisation, which would drop a key given twice or rewrite a number.
    auto contact = scenario_contact(text);
    if (!contact) {
        result.error = "not a scenario: \"contact\" must be given exactly once, as a member named without escapes";
        return result;
    }
    if (std::string field = repeated_outside_contact(text, *contact); !field.empty()) {
        result.error = "not a scenario: it gives the field '" + field + "' twice in one object; give each field once";
        return result;
    }
    result.title = scenario.value("scenario", "");
    engine::Value input;
    engine::Trace trace;
    engine::DecideResult decided = engine::read_and_decide(pack, *contact, input, &trace);
    auto& refusal = decided.refusal;
    if (refusal) coverage.record_refusal(refusal->rule);
    if (scenario.contains("expect_refusal")) {
        compare_refusal(scenario["expect_refusal"], refusal ? &*refusal : nullptr, result);
    } else if (refusal) {
        result.mismatches.push_back(
            {"refusal", "(a decision)", json({{"path", refusal->path}, {"message", refusal->message}}).dump()});
    } else {
        coverage.record(trace);
        compare_decision(scenario["expect"], decided.json, result);
    }
    result.passed = result.mismatches.empty();
    if (!result.passed) prepare_update(text, scenario, decided.json, refusal ? &*refusal : nullptr, result);
    return result;
}

}  // namespace

std::optional<std::string_view> scenario_contact(std::string_view scenario) {
    // The cutter is safe only on well-formed JSON: nlohmann checks it first, without building it.
    if (!json::accept(scenario)) return std::nullopt;
    if (scenario.substr(0, 3) == "\xEF\xBB\xBF") scenario.remove_prefix(3);  // a byte-order mark, as nlohmann skips it
    std::optional<std::string_view> contact;
    for (const auto& [key, value] : records::split_members(scenario)) {
        if (key != "contact") continue;
        if (contact) return std::nullopt;
        contact = value;
    }
    return contact;
}

namespace {

bool selected(const fs::path& file, const std::string& only) {
    if (only.empty()) return true;
    std::string name = file.filename().string();
    return fnmatch(only.c_str(), name.c_str(), 0) == 0 || fnmatch(only.c_str(), file.stem().string().c_str(), 0) == 0;
}

}  // namespace

TestReport run_scenarios(const Pack& pack, const std::string& folder, const std::string& only) {
    TestReport report;
    engine::Coverage coverage(PackAccess::compiled(pack));
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().extension() == ".json" && selected(entry.path(), only))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) report.scenarios.push_back(run_one(PackAccess::compiled(pack), file, coverage));
    report.coverage = coverage.items();
    return report;
}

}  // namespace frontdoor
