// POST /v1/workspace:check (a file's edited text checked with the rest of the pack: every
// diagnostic) and POST /v1/workspace:format (a rule file's text in the canonical layout, as
// `frontdoor fmt` writes it). Neither writes a file.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

#include "frontdoor/edit_pack.hpp"
#include "frontdoor/format.hpp"

namespace frontdoor::http {

namespace {

Response check_edit(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    EditRequest edit = read_edit_request(request, true);
    if (edit.refusal) return *edit.refusal;
    LoadResult loaded = load_edited_pack(workspace->pack_dir, edit.path, std::move(edit.text));
    return workspace_json(request, beast_http::status::ok,
                          {{"path", edit.path},
                           {"clean", !has_errors(loaded.diagnostics)},
                           {"diagnostics", diagnostics_json(*workspace, loaded.diagnostics)}});
}

Response format_text(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    EditRequest edit = read_edit_request(request, true);
    if (edit.refusal) return *edit.refusal;
    if (!edit.path.ends_with(".rules"))
        return error_response(request, beast_http::status::bad_request,
                              "only rule files (*.rules) are formatted, not '" + edit.path + "'");
    FormattedRules formatted = format_rule_file(workspace->pack_dir + "/" + edit.path, std::move(edit.text));
    return workspace_json(request, beast_http::status::ok,
                          {{"path", edit.path},
                           {"formatted", formatted.diagnostics.empty()},
                           {"text", formatted.text},
                           {"diagnostics", diagnostics_json(*workspace, formatted.diagnostics)}});
}

}  // namespace

void add_workspace_check_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:check", Role::decide, check_edit});
    routes.add({beast_http::verb::post, "/v1/workspace:format", Role::decide, format_text});
}

}  // namespace frontdoor::http
