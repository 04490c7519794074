// GET /v1/workspace/files (the files of the pack directory) and GET /v1/workspace/file?path=P (one
// file's text). Paths are confined to the directory (workspace.hpp).
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

namespace frontdoor::http {

namespace {

Response list_files(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    nlohmann::json files = nlohmann::json::array();
    for (const auto& file : list_workspace_files(workspace->pack_dir))
        files.push_back({{"path", file.path}, {"bytes", file.bytes}});
    return workspace_json(request, beast_http::status::ok, {{"files", std::move(files)}});
}

Response read_file(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    std::string path = query_value(request.target(), "path");
    ResolvedPath resolved = resolve_workspace_path(workspace->pack_dir, path, true);
    if (resolved.refused()) return error_response(request, resolved.status, resolved.problem);
    auto text = read_workspace_file(resolved.path, service.limits.body_bytes);
    if (!text)
        return error_response(request, beast_http::status::unprocessable_entity,
                              "'" + path + "' cannot be read, or is too large to edit");
    return workspace_json(request, beast_http::status::ok, {{"path", path}, {"text", *text}});
}

}  // namespace

void add_workspace_file_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/v1/workspace/files", Role::decide, list_files});
    routes.add({.method = beast_http::verb::get,
                .pattern = "/v1/workspace/file",
                .role = Role::decide,
                .handler = read_file,
                .query = {{"path",
                           true,
                           {},
                           "path=FILE (a file's path relative to the pack directory, e.g. thresholds.rules)",
                           "The file's path in the pack directory, percent-encoded."}}});
}

}  // namespace frontdoor::http
