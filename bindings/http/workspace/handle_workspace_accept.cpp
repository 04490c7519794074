// POST /v1/workspace:accept {"scenario": P, "path"?, "text"?}: accepts what the pack as edited (one
// file's unsaved text in place, as for :test) now decides for the scenario file P as its new
// expectation. The library's runner says what is rewritten (`frontdoor test --update`: only the
// fields the scenario expects and the decision now differs on, every other byte of the file as it
// was); the file is written by rename, as :save writes.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

#include "frontdoor/edit_pack.hpp"
#include "frontdoor/testing.hpp"

#include <filesystem>

namespace frontdoor::http {

namespace {

struct AcceptRequest {
    std::string scenario;  // as asked, relative to the pack directory
    ResolvedPath resolved;
    std::optional<EditRequest> edit;  // the pack as edited, when the body gives "path"
    std::optional<Response> refusal;
};

AcceptRequest read_request(const Workspace& workspace, const Request& request) {
    AcceptRequest out;
    auto refuse = [&](beast_http::status status, std::string message) {
        out.refusal = error_response(request, status, message);
        return std::move(out);
    };
    JsonObjectProblem problem;
    nlohmann::json body = read_json_object(request.body(), problem);
    if (problem) return refuse(beast_http::status::bad_request, "the body " + describe(problem));
    auto scenario = body.find("scenario");
    if (scenario == body.end() || !scenario->is_string())
        return refuse(beast_http::status::bad_request, "/scenario: give the scenario file's path as a string");
    out.scenario = scenario->get<std::string>();
    out.resolved = resolve_workspace_path(workspace.pack_dir, out.scenario, true);
    if (out.resolved.refused()) return refuse(out.resolved.status, out.resolved.problem);
    std::filesystem::path relative(out.scenario);
    if (relative.parent_path() != "scenarios" || relative.extension() != ".json")
        return refuse(beast_http::status::not_found, "'" + out.scenario + "' is not a scenario (scenarios/*.json)");
    if (body.contains("path")) {
        out.edit = read_edit_request(request, true);
        if (out.edit->refusal) out.refusal = std::move(out.edit->refusal);
    }
    return out;
}

nlohmann::json mismatches_json(const ScenarioResult& result) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : result.mismatches)
        out.push_back({{"field", m.field}, {"expected", m.expected}, {"actual", m.actual}});
    return out;
}

Response accept_expectation(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    AcceptRequest asked = read_request(*workspace, request);
    if (asked.refusal) return *asked.refusal;
    LoadResult loaded = asked.edit
                            ? load_edited_pack(workspace->pack_dir, asked.edit->path, std::move(asked.edit->text))
                            : Pack::load_directory(workspace->pack_dir);
    if (!loaded.pack) {
        nlohmann::json body = {
            {"error", {{"status", 422}, {"message", "the pack has errors: fix them to accept a scenario's result"}}},
            {"diagnostics", diagnostics_json(*workspace, loaded.diagnostics)}};
        return workspace_json(request, beast_http::status::unprocessable_entity, body);
    }
    std::string name = std::filesystem::path(asked.scenario).filename().string();
    TestReport report = run_scenarios(*loaded.pack, workspace->pack_dir + "/scenarios", name);
    const ScenarioResult* result = nullptr;
    for (const auto& r : report.scenarios)
        if (r.file == name) result = &r;
    if (!result) return error_response(request, beast_http::status::not_found, "no scenario '" + asked.scenario + "'");
    nlohmann::json body = {{"scenario", asked.scenario}, {"mismatches", mismatches_json(*result)}};
    if (result->passed) {
        body["accepted"] = false;
        body["passed"] = true;
        return workspace_json(request, beast_http::status::ok, body);
    }
    if (result->updated.empty()) {
        std::string why = result->not_updatable.empty() ? result->error : result->not_updatable;
        body["error"] = {{"status", 422}, {"message", "'" + asked.scenario + "' cannot be accepted: " + why}};
        return workspace_json(request, beast_http::status::unprocessable_entity, body);
    }
    if (std::string problem = write_workspace_file(asked.resolved.path, result->updated); !problem.empty())
        return error_response(request, beast_http::status::internal_server_error,
                              "'" + asked.scenario + "' " + problem);
    body["accepted"] = true;
    body["passed"] = false;
    body["text"] = result->updated;
    return workspace_json(request, beast_http::status::ok, body);
}

}  // namespace

void add_workspace_accept_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:accept", Role::admin, accept_expectation});
}

}  // namespace frontdoor::http
