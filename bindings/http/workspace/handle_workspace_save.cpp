// POST /v1/workspace:save {"path", "text", "format"?, "save_with_errors"?}: writes a file of the
// pack directory (by rename), only when the pack checks clean with it, unless the request says
// "save_with_errors": true. With "format": true a rule file is saved in the canonical layout.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

#include "frontdoor/edit_pack.hpp"
#include "frontdoor/format.hpp"

namespace frontdoor::http {

namespace {

bool flag_of(const nlohmann::json& body, const char* name) {
    auto found = body.find(name);
    return found != body.end() && found->is_boolean() && found->get<bool>();
}

Response save_file(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    EditRequest edit = read_edit_request(request, true);
    if (edit.refusal) return *edit.refusal;
    ResolvedPath resolved = resolve_workspace_path(workspace->pack_dir, edit.path, false);
    if (resolved.refused()) return error_response(request, resolved.status, resolved.problem);
    if (flag_of(edit.body, "format") && edit.path.ends_with(".rules")) {
        FormattedRules formatted = format_rule_file(edit.path, edit.text);
        if (formatted.diagnostics.empty()) edit.text = std::move(formatted.text);
    }
    LoadResult loaded = load_edited_pack(workspace->pack_dir, edit.path, edit.text);
    bool clean = !has_errors(loaded.diagnostics);
    nlohmann::json body = {
        {"path", edit.path}, {"clean", clean}, {"diagnostics", diagnostics_json(*workspace, loaded.diagnostics)}};
    if (!clean && !flag_of(edit.body, "save_with_errors")) {
        std::size_t errors = 0;
        for (const auto& d : loaded.diagnostics) errors += d.severity == Severity::error;
        body["saved"] = false;
        body["error"] = {
            {"status", 422},
            {"message", "not saved: the pack has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                            " with this file; fix them, or save with errors"}};
        return workspace_json(request, beast_http::status::unprocessable_entity, body);
    }
    if (std::string problem = write_workspace_file(resolved.path, edit.text); !problem.empty())
        return error_response(request, beast_http::status::internal_server_error, "'" + edit.path + "' " + problem);
    body["saved"] = true;
    body["text"] = edit.text;
    body["bytes"] = edit.text.size();
    return workspace_json(request, beast_http::status::ok, body);
}

}  // namespace

void add_workspace_save_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:save", Role::admin, save_file});
}

}  // namespace frontdoor::http
