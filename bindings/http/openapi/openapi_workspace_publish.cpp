// The OpenAPI description of GET /v1/workspace/publish and POST /v1/workspace:publish
// (handle_workspace_publish.cpp): publishing the workspace's pack to a running decision service.
#include "openapi.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

json publish_error(const std::string& description) {
    return {{"description", description},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}
json publish_answer(const std::string& description, json schema) {
    return {{"description", description}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}
json text() { return {{"type", "string"}}; }
json texts() { return {{"type", "array"}, {"items", text()}}; }
json pack_or_null(const std::string& description) {
    return {{"type", {"object", "null"}},
            {"description", description},
            {"properties", {{"name", text()}, {"version", text()}, {"digest", text()}, {"active_since", text()}}}};
}
json changes() {
    return {{"type", "object"},
            {"description", "The pack files publishing adds, changes and removes in PUBDIR."},
            {"properties", {{"added", texts()}, {"changed", texts()}, {"removed", texts()}}}};
}
json common(json operation, const std::string& role, json responses) {
    responses["401"] = {{"$ref", "#/components/responses/Unauthorized"}};
    responses["403"] = {{"$ref", "#/components/responses/Forbidden"}};
    responses["404"] = publish_error("The service is not a workspace (no --workspace).");
    operation["x-frontdoor-role"] = role;
    operation["responses"] = std::move(responses);
    return operation;
}

json status_operation() {
    json status = {{"type", "object"},
                   {"required", {"enabled"}},
                   {"properties",
                    {{"enabled", {{"type", "boolean"}}},
                     {"why", {{"type", "string"}, {"description", "When not enabled: how to enable publishing."}}},
                     {"directory", text()},
                     {"service", {{"type", {"string", "null"}}}},
                     {"draft", pack_or_null("The workspace's pack; null when it has errors.")},
                     {"in_directory", pack_or_null("The pack in PUBDIR; null when it does not load.")},
                     {"active", pack_or_null("The pack active on the service (with --publish-service).")},
                     {"active_problem", {{"type", "string"}, {"description", "Why the service could not be asked."}}},
                     {"differs", {{"type", "boolean"}}},
                     {"changes", changes()}}}};
    return common({{"summary", "Where the workspace publishes, and the published pack against the draft"},
                   {"operationId", "workspacePublishStatus"}},
                  "decide", {{"200", publish_answer("Publishing's state.", status)}});
}

json publish_operation() {
    json request = {
        {"type", "object"},
        {"properties",
         {{"even_if_scenarios_fail",
           {{"type", "boolean"}, {"description", "Publish although scenarios fail (never a pack with errors)."}}}}}};
    json published = {{"type", "object"},
                      {"required", {"published", "digest", "active"}},
                      {"properties",
                       {{"published", {{"type", "boolean"}}},
                        {"name", text()},
                        {"version", text()},
                        {"digest", text()},
                        {"directory", text()},
                        {"changes", changes()},
                        {"failing", {{"type", "array"}}},
                        {"active", {{"type", "boolean"}, {"description", "True only once the service said so."}}},
                        {"active_since", text()},
                        {"why", {{"type", "string"}, {"description", "Why it is not known to be active."}}},
                        {"service_diagnostics", {{"type", "array"}}}}}};
    json refused = {{"type", "object"},
                    {"required", {"published", "error"}},
                    {"properties",
                     {{"published", {{"type", "boolean"}}},
                      {"error", {{"type", "object"}}},
                      {"diagnostics", {{"type", "array"}}},
                      {"failing", {{"type", "array"}, {"description", "The failing scenarios: file and title."}}}}}};
    return common({{"summary", "Publish the workspace's pack to PUBDIR and see it become active on the service"},
                   {"operationId", "publishWorkspace"},
                   {"requestBody", {{"required", false}, {"content", {{"application/json", {{"schema", request}}}}}}}},
                  "admin",
                  {{"200", publish_answer("Published; active says whether the service has it active.", published)},
                   {"400", publish_error("Not a JSON object, or even_if_scenarios_fail not a boolean.")},
                   {"409", publish_answer("Publishing is not set up, or another publish is running.", refused)},
                   {"422", publish_answer("Not published: the pack has errors, or scenarios fail.", refused)}});
}

}  // namespace

json describe_publish_operation(beast_http::verb method) {
    return method == beast_http::verb::get ? status_operation() : publish_operation();
}

}  // namespace frontdoor::http
