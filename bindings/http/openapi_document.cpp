// The OpenAPI 3.1 document: info, the bearer scheme, one path item per route pattern, and the
// schemas every operation refers to. The decision's shape is the pack's (its `output` section),
// so Decision says only what every pack's decision holds: the ruleset that decided it.
#include "openapi.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

json error_schema() {
    return json::parse(R"({"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["status", "message"],
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}})");
}

json refusal_schema() {
    return json::parse(R"({"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["path", "message"],
        "properties": {"path": {"type": "string", "description": "JSON pointer into the contact"},
                       "message": {"type": "string"}}}}})");
}

json ruleset_schema() {
    return json::parse(R"({"type": "object", "required": ["name", "version", "digest"], "properties": {
        "name": {"type": "string"}, "version": {"type": "string"},
        "digest": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"}}})");
}

json decision_schema() {
    return json::parse(R"({"type": "object", "required": ["ruleset"],
        "description": "A decision: the fields the pack's output section names, the ruleset that decided, and (unless explain=false) the explanation.",
        "properties": {"ruleset": {"$ref": "#/components/schemas/Ruleset"},
                       "outcome": {"type": "object", "properties": {"code": {"type": "string"}}},
                       "explanation": {"type": "array"}},
        "additionalProperties": true})");
}

json pack_schema() {
    return json::parse(R"({"type": "object", "required": ["name", "version", "digest", "active_since", "files"],
        "properties": {"name": {"type": "string"}, "version": {"type": "string"}, "digest": {"type": "string"},
                       "active_since": {"type": "string", "format": "date-time"}, "engine_version": {"type": "string"},
                       "files": {"type": "array", "items": {"type": "object", "required": ["path", "bytes"],
                           "properties": {"path": {"type": "string"}, "bytes": {"type": "integer"}}}}}})");
}

json status_schema() {
    return json::parse(R"({"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}})");
}

json record_schema() {
    return json::parse(R"({"type": "object", "description": "A recorded decision, as frontdoor audit show prints it.",
        "additionalProperties": true})");
}

// An operation for a route that openapi_operations.cpp does not describe yet.
json undocumented() {
    return {{"summary", "Not described yet"}, {"x-frontdoor-undocumented", true},
            {"responses", {{"default", {{"description", "See docs/service.md."}}}}}};
}

}  // namespace

json common_schemas() {
    return {{"Error", error_schema()},       {"Refusal", refusal_schema()}, {"Ruleset", ruleset_schema()},
            {"Decision", decision_schema()}, {"Pack", pack_schema()},       {"Status", status_schema()},
            {"Record", record_schema()}};
}

json openapi_document(const RouteTable& routes, const Pack& pack) {
    json paths = json::object();
    for (const auto& route : routes.all()) {
        json operation = describe_operation(route.method, route.pattern);
        if (operation.is_null()) operation = undocumented();
        std::string method(beast_http::to_string(route.method));
        for (auto& c : method) c = static_cast<char>(c - 'A' + 'a');
        paths[route.pattern][method] = std::move(operation);
    }
    json schemas = common_schemas();
    schemas["Contact"] = json::parse(pack.input_schema());
    json unauthorized = {{"description", "No token, or an unknown one."},
                         {"headers", {{"WWW-Authenticate", {{"schema", {{"type", "string"}}}}}}},
                         {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    json forbidden = {{"description", "The token lacks the route's role."},
                      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    return {{"openapi", "3.1.0"},
            {"info",
             {{"title", "Frontdoor decision service"},
              {"version", engine_version()},
              {"description", "Decisions of rule pack " + pack.name() + " version " + pack.version() + " (" +
                                  pack.digest() + "). See docs/service.md."}}},
            {"security", {{{"bearer", json::array()}}}},
            {"paths", std::move(paths)},
            {"components",
             {{"schemas", std::move(schemas)},
              {"responses", {{"Unauthorized", std::move(unauthorized)}, {"Forbidden", std::move(forbidden)}}},
              {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace frontdoor::http
