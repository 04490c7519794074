// The OpenAPI description of POST /v1/workspace:graph (handle_workspace_graph.cpp): the decision
// graph as `frontdoor graph --format json` draws it, with a contact's path (docs/language.md).
#include "openapi.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

json graph_error(const std::string& description) {
    return {{"description", description},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json nullable_string() { return {{"type", {"string", "null"}}}; }

json vertex_schema() {
    json source = {
        {"type", {"object", "null"}},
        {"description", "Where the node is written: file relative to the pack directory, 1-based line "
                        "and column; null for an input field."},
        {"required", {"file", "line", "column"}},
        {"properties",
         {{"file", {{"type", "string"}}}, {"line", {{"type", "integer"}}}, {"column", {{"type", "integer"}}}}}};
    return {{"type", "object"},
            {"required", {"id", "kind", "label", "source"}},
            {"properties",
             {{"id", {{"type", "integer"}}},
              {"kind", {{"enum", {"input", "input field", "definition", "row", "output", "refusal"}}}},
              {"label", {{"type", "string"}}},
              {"name", nullable_string()},
              {"condition", {{"type", "string"}}},
              {"citation", nullable_string()},
              {"source", std::move(source)},
              {"state",
               {{"enum", {"applied", "not applied", "not tried"}},
                {"description", "With a contact: what its decision did at this node."}}}}}};
}

json graph_schema() {
    json edge = {{"type", "object"},
                 {"required", {"from", "to"}},
                 {"properties", {{"from", {{"type", "integer"}}}, {"to", {{"type", "integer"}}}}}};
    return {{"type", "object"},
            {"required", {"pack", "vertices", "edges", "evaluation_order"}},
            {"properties",
             {{"pack", {{"type", "string"}}},
              {"vertices", {{"type", "array"}, {"items", vertex_schema()}}},
              {"edges", {{"type", "array"}, {"items", std::move(edge)}}},
              {"evaluation_order", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
}

json graph_request() {
    json body = {
        {"type", "object"},
        {"properties",
         {{"path",
           {{"type", "string"}, {"description", "A file being edited, relative to the pack directory (with text)."}}},
          {"text", {{"type", "string"}, {"description", "Its unsaved text, used in place of the file's."}}},
          {"scenario", {{"type", "string"}, {"description", "A scenario file whose contact's path is marked."}}},
          {"contact", {{"$ref", "#/components/schemas/Contact"}}}}}};
    return {{"required", false}, {"content", {{"application/json", {{"schema", body}}}}}};
}

}  // namespace

json describe_graph_operation() {
    json refused = {
        {"anyOf",
         {{{"$ref", "#/components/schemas/Refusal"}}, {{"type", "object"}, {"required", {"error", "diagnostics"}}}}}};
    json responses = {
        {"200",
         {{"description", "The graph as `frontdoor graph --format json [--contact FILE]` prints it."},
          {"content", {{"application/json", {{"schema", graph_schema()}}}}}}},
        {"400", graph_error("Not a JSON object, path without text, or a bad scenario path.")},
        {"401", {{"$ref", "#/components/responses/Unauthorized"}}},
        {"403", graph_error("The role is not decide, or the path leads outside the pack directory.")},
        {"404", graph_error("No such scenario, or the service is not a workspace.")},
        {"422",
         {{"description", "The contact is refused, with its JSON path (as POST /v1/decisions answers); or the "
                          "pack has errors (with its diagnostics)."},
          {"content", {{"application/json", {{"schema", refused}}}}}}}};
    return {{"summary", "The decision graph of the pack as edited, with a contact's path"},
            {"operationId", "drawWorkspaceGraph"},
            {"requestBody", graph_request()},
            {"x-frontdoor-role", "decide"},
            {"responses", std::move(responses)}};
}

}  // namespace frontdoor::http
