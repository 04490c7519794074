#pragma once
// The OpenAPI 3.1 document of the service (GET /v1/openapi.json): one operation for each route of
// the route table, described in openapi_operations.cpp, with the contact schema taken from the
// active pack itself (Pack::input_schema), so the document always says what this server accepts.
#include "http/routes.hpp"

#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace frontdoor::http {

// The operation object (summary, parameters, request body, responses) for `method` on `pattern`,
// or null when the route has no description yet: the document then marks it
// "x-frontdoor-undocumented" and the service test fails until it is described.
nlohmann::json describe_operation(beast_http::verb method, const std::string& pattern);

// The same for the workspace's routes (openapi_workspace.cpp); describe_operation falls back to it.
nlohmann::json describe_workspace_operation(beast_http::verb method, const std::string& pattern);
// POST /v1/workspace:walkthrough (openapi_workspace_walkthrough.cpp), which the above falls back to.
nlohmann::json describe_walkthrough_operation();
// POST /v1/workspace:graph (openapi_workspace_graph.cpp), likewise.
nlohmann::json describe_graph_operation();
// GET /v1/workspace/publish and POST /v1/workspace:publish (openapi_workspace_publish.cpp).
nlohmann::json describe_publish_operation(beast_http::verb method);

// The shared schemas (Error, Refusal, Decision, Pack, ...) under components/schemas, without Contact.
nlohmann::json common_schemas();

// The whole document for the routes in `routes`, with `pack`'s input schema as components/schemas/Contact.
nlohmann::json openapi_document(const RouteTable& routes, const Pack& pack);

}  // namespace frontdoor::http
