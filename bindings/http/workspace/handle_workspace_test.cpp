// POST /v1/workspace:test {"path"?, "text"?}: runs every scenario of the pack directory
// (DIR/scenarios) against the pack as edited (one file's unsaved text in place), as `frontdoor test`
// does: each scenario's pass or fail and the fields that differ, and the rule coverage with every
// rule no scenario exercised and where it is written, so the editor can mark those rows.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

#include "frontdoor/edit_pack.hpp"
#include "frontdoor/testing.hpp"

namespace frontdoor::http {

namespace {

nlohmann::json scenario_json(const ScenarioResult& result) {
    nlohmann::json mismatches = nlohmann::json::array();
    for (const auto& m : result.mismatches)
        mismatches.push_back({{"field", m.field}, {"expected", m.expected}, {"actual", m.actual}});
    nlohmann::json out = {{"file", result.file},
                          {"title", result.title},
                          {"passed", result.passed},
                          {"mismatches", std::move(mismatches)}};
    if (!result.error.empty()) out["error"] = result.error;
    return out;
}

// Each uncovered rule as {"kind", "name", "file", "line", "column"}: the file relative to the pack
// directory, as diagnostics name it; a location not of the form "<dir>/<file>:line:column" is skipped.
nlohmann::json uncovered_json(const Workspace& workspace, const std::vector<CoverageItem>& coverage) {
    nlohmann::json out = nlohmann::json::array();
    const std::string prefix = workspace.pack_dir + "/";
    for (const auto& item : coverage) {
        if (item.covered) continue;
        std::size_t column_at = item.location.rfind(':');
        std::size_t line_at = column_at == std::string::npos ? column_at : item.location.rfind(':', column_at - 1);
        if (line_at == std::string::npos || item.location.rfind(prefix, 0) != 0) continue;
        out.push_back({{"kind", item.kind},
                       {"name", item.name},
                       {"file", item.location.substr(prefix.size(), line_at - prefix.size())},
                       {"line", std::stoi(item.location.substr(line_at + 1, column_at - line_at - 1))},
                       {"column", std::stoi(item.location.substr(column_at + 1))}});
    }
    return out;
}

Response run_tests(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    LoadResult loaded;
    if (request.body().empty()) {
        loaded = Pack::load_directory(workspace->pack_dir);
    } else {
        EditRequest edit = read_edit_request(request, true);
        if (edit.refusal) return *edit.refusal;
        loaded = load_edited_pack(workspace->pack_dir, edit.path, std::move(edit.text));
    }
    if (!loaded.pack) {
        nlohmann::json body = {
            {"error", {{"status", 422}, {"message", "the pack has errors: fix them to run the scenarios"}}},
            {"diagnostics", diagnostics_json(*workspace, loaded.diagnostics)}};
        return workspace_json(request, beast_http::status::unprocessable_entity, body);
    }
    TestReport report = run_scenarios(*loaded.pack, workspace->pack_dir + "/scenarios");
    nlohmann::json scenarios = nlohmann::json::array();
    for (const auto& result : report.scenarios) scenarios.push_back(scenario_json(result));
    nlohmann::json body = {{"passed", report.passed()},
                           {"failed", report.failed()},
                           {"scenarios", std::move(scenarios)},
                           {"coverage",
                            {{"covered", report.covered()},
                             {"rules", report.coverage.size()},
                             {"uncovered", uncovered_json(*workspace, report.coverage)}}}};
    return workspace_json(request, beast_http::status::ok, body);
}

}  // namespace

void add_workspace_test_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:test", Role::decide, run_tests});
}

}  // namespace frontdoor::http
