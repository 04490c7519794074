#include "workspace_case.hpp"

#include "http/json_error.hpp"
#include "http/service.hpp"

namespace frontdoor::http {

bool names_workspace_case(const nlohmann::json& body) { return body.contains("contact") || body.contains("scenario"); }

WorkspaceCase read_workspace_case(const Service& service, const Workspace& workspace, const Request& request,
                                  const nlohmann::json& body) {
    WorkspaceCase out;
    auto refuse = [&](beast_http::status status, const std::string& message) {
        out.refusal = error_response(request, status, message);
        return std::move(out);
    };
    if (auto contact = body.find("contact"); contact != body.end()) {
        out.input = walkthrough_input(contact->dump(), "the contact given");
        return out;
    }
    auto scenario = body.find("scenario");
    if (scenario == body.end() || !scenario->is_string())
        return refuse(beast_http::status::bad_request, "/scenario: give a scenario's path, or a \"contact\" object");
    std::string path = scenario->get<std::string>();
    ResolvedPath resolved = resolve_workspace_path(workspace.pack_dir, path, true);
    if (resolved.refused()) return refuse(resolved.status, resolved.problem);
    auto text = read_workspace_file(resolved.path, service.limits.body_bytes);
    if (!text)
        return refuse(beast_http::status::unprocessable_entity, "'" + path + "' cannot be read, or is too large");
    out.input = walkthrough_input(*text, path);
    return out;
}

}  // namespace frontdoor::http
