// POST /v1/workspace:graph {"path"?, "text"?, "scenario"? | "contact"?}: the decision graph as
// `frontdoor graph --format json [--contact FILE]` prints it, from the pack as edited (one file's
// unsaved text in place, as POST /v1/workspace:test takes it), with the path the scenario's contact
// (or the contact given) took. A refused contact is 422 with its JSON path, as POST /v1/decisions.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "http/service.hpp"
#include "workspace_case.hpp"
#include "workspace_json.hpp"

#include "frontdoor/batch.hpp"
#include "frontdoor/edit_pack.hpp"
#include "frontdoor/graph.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

Response draw_graph(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    JsonObjectProblem problem;
    json body = request.body().empty() ? json::object() : read_json_object(request.body(), problem);
    if (problem) return error_response(request, beast_http::status::bad_request, "the body " + describe(problem));
    std::optional<WorkspaceCase> asked;
    if (names_workspace_case(body)) {
        asked = read_workspace_case(service, *workspace, request, body);
        if (asked->refusal) return *asked->refusal;
    }
    LoadResult loaded;
    if (body.contains("path") || body.contains("text")) {
        EditRequest edit = read_edit_request(request, true);
        if (edit.refusal) return *edit.refusal;
        loaded = load_edited_pack(workspace->pack_dir, edit.path, std::move(edit.text));
    } else {
        loaded = Pack::load_directory(workspace->pack_dir);
    }
    if (!loaded.pack) {
        json answer = {{"error", {{"status", 422}, {"message", "the pack has errors: fix them to draw the graph"}}},
                       {"diagnostics", diagnostics_json(*workspace, loaded.diagnostics)}};
        return workspace_json(request, beast_http::status::unprocessable_entity, answer);
    }
    if (!asked) return json_response(request, beast_http::status::ok, loaded.pack->graph(GraphFormat::json));
    DrawnGraph drawn = draw_decided_graph(*loaded.pack, GraphFormat::json, asked->input.contact);
    if (drawn.refused)
        return json_response(request, beast_http::status::unprocessable_entity,
                             refusal_json(0, Decided{true, drawn.path, drawn.message, ""}) + "\n");
    return json_response(request, beast_http::status::ok, std::move(drawn.text));
}

}  // namespace

void add_workspace_graph_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:graph", Role::decide, draw_graph});
}

}  // namespace frontdoor::http
