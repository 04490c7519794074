// The OpenAPI description of the workspace's routes (handle_workspace_*.cpp, docs/workspace.md).
// Each answers 404 on a service that is not a workspace (`frontdoor serve` without --workspace).
#include "openapi.hpp"

#include <map>
#include <utility>

namespace frontdoor::http {

namespace {

using nlohmann::json;

json error_answer(const std::string& description) {
    return {{"description", description},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}
json answer(const std::string& description, json schema) {
    return {{"description", description}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}
json object(json properties, json required = json::array()) {
    return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}
json string() { return {{"type", "string"}}; }
json integer() { return {{"type", "integer"}}; }
json boolean() { return {{"type", "boolean"}}; }

json diagnostics() {
    json item =
        object({{"file", string()},
                {"line", integer()},
                {"column", integer()},
                {"end_line", integer()},
                {"end_column", integer()},
                {"severity", {{"enum", {"error", "warning", "note"}}}},
                {"message", string()},
                {"notes", {{"type", "array"}, {"items", string()}}},
                {"fix", {{"type", "string"}, {"description", "The text a \"did you mean\" suggests for the span."}}}},
               {"file", "line", "column", "end_line", "end_column", "severity", "message"});
    return {{"type", "array"}, {"items", std::move(item)}};
}

json edit_body(bool with_flags) {
    json properties = {{"path", {{"type", "string"}, {"description", "Relative to the pack directory."}}},
                       {"text", string()}};
    if (with_flags) {
        properties["format"] = {{"type", "boolean"}, {"description", "Save a rule file in its canonical layout."}};
        properties["save_with_errors"] = {{"type", "boolean"}, {"description", "Save even when the pack has errors."}};
    }
    return {{"required", true},
            {"content", {{"application/json", {{"schema", object(properties, {"path", "text"})}}}}}};
}

json with_common(json operation, const std::string& role, json responses) {
    responses["401"] = {{"$ref", "#/components/responses/Unauthorized"}};
    responses["403"] = {{"$ref", "#/components/responses/Forbidden"}};
    if (!responses.contains("404")) responses["404"] = error_answer("The service is not a workspace (no --workspace).");
    operation["x-frontdoor-role"] = role;
    operation["responses"] = std::move(responses);
    return operation;
}

json path_refusals(json responses) {
    responses["400"] = error_answer(
        "Not a JSON body with path and text, or a path that is absolute, has '..' or names a hidden file.");
    responses["403"] = error_answer("The path leads outside the pack directory through a symbolic link.");
    return responses;
}

json asset(const std::string& summary, const std::string& id, bool with_param) {
    json operation = {{"summary", summary},
                      {"operationId", id},
                      {"x-frontdoor-role", "none"},
                      {"security", json::array()},
                      {"responses",
                       {{"200", {{"description", "The file, with its content type."}}},
                        {"404", error_answer("No such file, or no built page (not a workspace, or no web/dist).")}}}};
    if (with_param)
        operation["parameters"] = {{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", string()}}};
    return operation;
}

// POST /v1/workspace:accept (handle_workspace_accept.cpp).
json accept_operation(json accepted) {
    json request = object({{"scenario", {{"type", "string"}, {"description", "scenarios/NAME.json"}}},
                           {"path", {{"type", "string"}, {"description", "The file edited, relative to the pack."}}},
                           {"text", string()}},
                          {"scenario"});
    json refused =
        object({{"error", object({{"status", integer()}, {"message", string()}})}, {"diagnostics", diagnostics()}});
    json operation = {
        {"summary", "Accept what the pack as edited decides as a scenario's new expectation"},
        {"operationId", "acceptWorkspaceScenario"},
        {"requestBody", {{"required", true}, {"content", {{"application/json", {{"schema", request}}}}}}}};
    json responses = {
        {"200", answer("The differing expectations rewritten (by rename); accepted false when it passes.", accepted)},
        {"404", error_answer("No such scenario (scenarios/*.json), or the service is not a workspace.")},
        {"422", answer("The pack has errors, or the difference cannot be accepted.", refused)}};
    return with_common(std::move(operation), "admin", path_refusals(std::move(responses)));
}

}  // namespace

json describe_workspace_operation(beast_http::verb method, const std::string& pattern) {
    using verb = beast_http::verb;
    json scenarios =
        object({{"passed", integer()},
                {"failed", integer()},
                {"scenarios",
                 {{"type", "array"},
                  {"items", object({{"file", string()},
                                    {"title", string()},
                                    {"passed", boolean()},
                                    {"error", string()},
                                    {"mismatches", {{"type", "array"}}}})}}},
                {"coverage", object({{"covered", integer()},
                                     {"rules", integer()},
                                     {"uncovered",
                                      {{"type", "array"},
                                       {"description", "Each rule no scenario exercised, where it is written."},
                                       {"items", object({{"kind", string()},
                                                         {"name", string()},
                                                         {"file", string()},
                                                         {"line", integer()},
                                                         {"column", integer()}})}}}})}});
    json accepted = object({{"scenario", string()},
                            {"accepted", boolean()},
                            {"passed", boolean()},
                            {"mismatches", {{"type", "array"}}},
                            {"text", {{"type", "string"}, {"description", "The scenario file as rewritten."}}}});
    json checked = object({{"path", string()}, {"clean", boolean()}, {"diagnostics", diagnostics()}});
    json saved = object({{"path", string()},
                         {"saved", boolean()},
                         {"clean", boolean()},
                         {"text", string()},
                         {"diagnostics", diagnostics()}});
    json not_saved = object({{"path", string()},
                             {"saved", boolean()},
                             {"clean", boolean()},
                             {"diagnostics", diagnostics()},
                             {"error", object({{"status", integer()}, {"message", string()}})}});
    static const std::map<std::pair<verb, std::string>, json> operations = {
        {{verb::get, "/v1/workspace/files"},
         with_common({{"summary", "The files of the pack directory"}, {"operationId", "listWorkspaceFiles"}}, "decide",
                     {{"200", answer("Every file, sorted.", object({{"files", {{"type", "array"}}}}))}})},
        {{verb::get, "/v1/workspace/file"},
         with_common({{"summary", "One file's text"}, {"operationId", "readWorkspaceFile"}}, "decide",
                     path_refusals({{"200", answer("The text.", object({{"path", string()}, {"text", string()}}))},
                                    {"404", error_answer("No such file, or the service is not a workspace.")},
                                    {"422", error_answer("The file cannot be read or is too large.")}}))},
        {{verb::post, "/v1/workspace:check"},
         with_common({{"summary", "Check a file's edited text with the rest of the pack"},
                      {"operationId", "checkWorkspaceFile"},
                      {"requestBody", edit_body(false)}},
                     "decide",
                     {{"200", answer("Every diagnostic of the pack.", checked)},
                      {"400", error_answer("Not a JSON body with path and text.")}})},
        {{verb::post, "/v1/workspace:format"},
         with_common(
             {{"summary", "A rule file's text in the canonical layout (fmt)"},
              {"operationId", "formatWorkspaceFile"},
              {"requestBody", edit_body(false)}},
             "decide",
             {{"200", answer("The text formatted, or its syntax errors.",
                             object({{"formatted", boolean()}, {"text", string()}, {"diagnostics", diagnostics()}}))},
              {"400", error_answer("Not a JSON body with path and text, or not a rule file.")}})},
        {{verb::post, "/v1/workspace:save"},
         with_common({{"summary", "Save a file, only when the pack checks clean with it"},
                      {"operationId", "saveWorkspaceFile"},
                      {"requestBody", edit_body(true)}},
                     "admin",
                     path_refusals(
                         {{"200", answer("Saved (by rename).", saved)},
                          {"404", error_answer("The file's folder does not exist, or the service is not a workspace.")},
                          {"422", answer("Not saved: the pack has errors with this file.", not_saved)}}))},
        {{verb::post, "/v1/workspace:test"},
         with_common(
             {{"summary", "Run the scenarios against the pack as edited"},
              {"operationId", "testWorkspace"},
              {"requestBody",
               {{"required", false},
                {"content", {{"application/json", {{"schema", object({{"path", string()}, {"text", string()}})}}}}}}}},
             "decide",
             {{"200", answer("Each scenario's result and the coverage.", scenarios)},
              {"400", error_answer("Not a JSON body with path and text.")},
              {"422", answer("The pack has errors.", object({{"diagnostics", diagnostics()}}))}})},
        {{verb::post, "/v1/workspace:accept"}, accept_operation(accepted)},
        {{verb::post, "/v1/workspace:impact"},
         with_common(
             {{"summary", "The impact of the pack as edited against the published pack"},
              {"description",
               "JSON lines: the first the request, {\"path\", \"text\"} (the open file's unsaved text; "
               "both absent: the saved pack), then one contact a line; or the first alone, {\"log\": true, "
               "\"from\"?, \"to\"?}, to assess the service's decision log (--record). The answer: "
               "{\"progress\": {\"lines\": N}} every 500 lines and at the end, then {\"report\": ...} as "
               "`frontdoor replay --with-rules --format json` prints it."},
              {"operationId", "workspaceImpact"},
              {"requestBody",
               {{"required", true},
                {"content",
                 {{"application/x-ndjson",
                   {{"schema",
                     {{"type", "string"}, {"description", "The request line, then one contact a line."}}}}}}}}}},
             "decide",
             {{"200",
               {{"description", "Progress lines, then the report."},
                {"content",
                 {{"application/x-ndjson",
                   {{"schema",
                     {{"oneOf",
                       {object({{"progress", object({{"lines", integer()}}, {"lines"})}}, {"progress"}),
                        object({{"report", {{"type", "object"}}}}, {"report"})}}}}}}}}}},
              {"400", error_answer("The request line is not a JSON object with path and text, or log, from, to.")},
              {"409", error_answer("{\"log\": true} on a workspace that keeps no decision log.")},
              {"415", error_answer("Not Content-Type: application/x-ndjson.")},
              {"503", error_answer("The decision log cannot be read.")},
              {"422", answer("The pack as edited has errors.", object({{"diagnostics", diagnostics()}}))}})},
        {{verb::get, "/"}, asset("The workspace page", "workspacePage", false)},
        {{verb::get, "/assets/{id}"}, asset("A script or style of the page", "workspaceAsset", true)},
        {{verb::get, "/assets/fonts/{id}"}, asset("A font of the page", "workspaceFont", true)},
        {{verb::get, "/assets/images/{id}"}, asset("An image of the page", "workspaceImage", true)},
    };
    if (method == verb::post && pattern == "/v1/workspace:walkthrough") return describe_walkthrough_operation();
    if (method == verb::post && pattern == "/v1/workspace:graph") return describe_graph_operation();
    if ((method == verb::get && pattern == "/v1/workspace/publish") ||
        (method == verb::post && pattern == "/v1/workspace:publish"))
        return describe_publish_operation(method);
    auto found = operations.find({method, pattern});
    return found == operations.end() ? json() : found->second;
}

}  // namespace frontdoor::http
