// Whether a scenario's narrative still tells the decision the pack gives: its expectations are
// compared with the walkthrough's decision as `frontdoor test` compares them.
#include "engine/scenarios/match_expectation.hpp"
#include "frontdoor/walkthrough.hpp"

namespace frontdoor {

namespace {

using nlohmann::json;

std::vector<std::string> stale_refusal(const Walkthrough& walkthrough, const json& expect) {
    if (!walkthrough.refused)
        return {"the scenario expects the contact to be refused (" + expect.dump() + "); the pack now decides it"};
    std::string path = expect.value("path", "");
    std::string at = (path.empty() ? "the input" : "at " + path) + ": ";
    json message = expect.contains("message") ? expect["message"] : json("");
    if (message.is_string()) message = json{{"contains", message}};
    bool same_path = walkthrough.refusal.rfind(at, 0) == 0;
    if (same_path && engine::expectation_met(message, walkthrough.refusal.substr(at.size()))) return {};
    return {"refusal: the scenario expects " + expect.dump() + ", the pack now refuses it " + walkthrough.refusal};
}

}  // namespace

std::vector<std::string> stale_expectations(const Walkthrough& walkthrough, const WalkthroughInput& input) {
    if (input.expectation.empty()) return {};
    json expect = json::parse(input.expectation, nullptr, false);
    if (!expect.is_object()) return {};
    if (input.expects_refusal) return stale_refusal(walkthrough, expect);
    if (walkthrough.refused)
        return {"the scenario expects a decision; the pack now refuses the contact " + walkthrough.refusal};
    json decision = json::parse(walkthrough.decision_json);
    std::vector<std::string> out;
    for (const auto& [field, expected] : expect.items()) {
        if (!decision.contains(field))
            out.push_back(field + ": the scenario expects " + expected.dump() + ", the decision has no such field");
        else if (!engine::expectation_met(expected, decision[field]))
            out.push_back(field + ": the scenario expects " + expected.dump() + ", the pack now gives " +
                          decision[field].dump());
    }
    return out;
}

std::string render_stale_warning(const std::vector<std::string>& stale) {
    if (stale.empty()) return "";
    std::string warning =
        "WARNING: this scenario's narrative no longer matches the decision the pack gives, so it is not shown:\n";
    for (const auto& line : stale) warning += "  " + line + "\n";
    return warning + "Run `frontdoor test` to see the scenario fail, then update its expectations and narrative.\n\n";
}

}  // namespace frontdoor
