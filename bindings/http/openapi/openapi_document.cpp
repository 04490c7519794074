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
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"},
                       "parameter": {"type": "string", "description": "A refused query: the parameter at fault, as given."},
                       "takes": {"type": "array", "items": {"type": "string"},
                                 "description": "A refused query: every query parameter the route takes."}}}}})");
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
        "description": "A decision: the fields the pack's output section names, the ruleset that decided, and (unless explain=false) the explanation, whose entries refer to GET /v1/pack/explanation-dictionary by \"$ref\" when explain=compact.",
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
    return json::parse(
        R"({"type": "object", "description": "A recorded decision, as frontdoor audit show --format json prints it.",
        "required": ["id", "contact_id", "recorded_at", "pack_digest", "engine_version", "previous_hash", "hash",
                     "intact", "problem", "input", "decision"],
        "properties": {"id": {"type": "integer", "minimum": 1}, "contact_id": {"type": ["string", "null"]},
                       "recorded_at": {"type": "string"}, "pack_digest": {"type": "string"},
                       "engine_version": {"type": "string"}, "previous_hash": {"type": "string"},
                       "hash": {"type": "string"}, "intact": {"type": "boolean"},
                       "problem": {"type": ["string", "null"], "description": "why the record is not intact"},
                       "input": {"type": "string", "description": "the contact's exact bytes as received"},
                       "decision": {"description": "the decision as recorded"},
                       "log_problem": {"type": ["string", "null"]}}})");
}

json record_list_schema() {
    return json::parse(
        R"({"type": "object", "required": ["contact_id", "records", "truncated", "intact", "log_problem"],
        "properties": {"contact_id": {"type": "string"},
                       "records": {"type": "array", "items": {"$ref": "#/components/schemas/Record"}},
                       "truncated": {"type": "boolean", "description": "there were more than 1000 records"},
                       "intact": {"type": "boolean"}, "log_problem": {"type": ["string", "null"]}}})");
}

// The pack a reload left active (GET /v1/pack says more), and a diagnostic as frontdoor check gives it.
constexpr const char* active_pack_json =
    R"({"type": "object", "required": ["name", "version", "digest", "active_since"],
        "properties": {"name": {"type": "string"}, "version": {"type": "string"}, "digest": {"type": "string"},
                       "active_since": {"type": "string", "format": "date-time"}}})";
constexpr const char* diagnostics_json = R"({"type": "array", "items": {"type": "object",
        "required": ["file", "line", "column", "severity", "message", "rendered"],
        "properties": {"file": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
                       "severity": {"enum": ["error", "warning", "note"]}, "message": {"type": "string"},
                       "rendered": {"type": "string", "description": "file:line:col, the message and the caret"}}}})";

json reload_schema() {
    return {{"type", "object"},
            {"required", {"result", "active", "diagnostics"}},
            {"properties",
             {{"result", {{"enum", {"reloaded", "unchanged"}}}},
              {"active", json::parse(active_pack_json)},
              {"diagnostics", json::parse(diagnostics_json)}}}};
}

json reload_failure_schema() {
    json error = {{"type", "object"},
                  {"required", {"status", "message", "diagnostics"}},
                  {"properties",
                   {{"status", {{"type", "integer"}}},
                    {"message", {{"type", "string"}}},
                    {"diagnostics", json::parse(diagnostics_json)}}}};
    return {{"type", "object"},
            {"required", {"error", "active"}},
            {"properties", {{"error", std::move(error)}, {"active", json::parse(active_pack_json)}}}};
}

json shadow_schema() {
    return json::parse(
        R"({"type": "object",
        "required": ["candidate", "compared", "differing", "dropped", "recorded", "record_failures", "transitions"],
        "properties": {"candidate": {"type": "object", "required": ["name", "version", "digest", "active_since"]},
                       "compared": {"type": "integer"}, "differing": {"type": "integer"}, "dropped": {"type": "integer"},
                       "recorded": {"type": "integer", "description": "Differing decisions of the candidate recorded in the --shadow-record log (0 without one)."},
                       "record_failures": {"type": "integer", "description": "Differing decisions the --shadow-record log could not take (its queue was full or an append failed)."},
                       "transitions": {"type": "array", "items": {"type": "object", "required": ["before", "after", "count"],
                           "properties": {"before": {"type": "string"}, "after": {"type": "string"},
                                          "count": {"type": "integer"}}}}}})");
}

// The route's query parameters (Route::query, the one table the server checks a query against),
// after the operation's path parameter if it has one; and every route answers 400 to a query
// parameter it does not take, or one given twice, to a request without the one valid Host, and to
// a body whose length Transfer-Encoding does not tell, and 501 to a transfer coding but chunked.
void add_query(json& operation, const Route& route) {
    for (const auto& parameter : route.query) {
        json schema = {{"type", "string"}};
        if (!parameter.values.empty()) schema["enum"] = parameter.values;
        else schema["minLength"] = 1;
        operation["parameters"].push_back({{"name", parameter.name},
                                           {"in", "query"},
                                           {"required", parameter.required},
                                           {"description", parameter.description},
                                           {"schema", std::move(schema)}});
    }
    constexpr std::string_view refused =
        "A query parameter the route does not take (its parameters are listed), or one given twice, or a "
        "query parameter's value refused; or a Host header missing (in HTTP/1.1), repeated or malformed; or a "
        "Transfer-Encoding that does not end in chunked, or names it twice.";
    json& responses = operation["responses"];
    if (!responses.contains("400"))
        responses["400"] = {
            {"description", refused},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    else if (responses["400"].contains("description"))
        responses["400"]["description"] =
            responses["400"]["description"].get<std::string>() + " " + std::string(refused);
    responses["501"] = {
        {"description", "The body has a transfer coding other than chunked (Transfer-Encoding: gzip, chunked)."},
        {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

// An operation for a route that openapi_operations.cpp does not describe yet.
json undocumented() {
    return {{"summary", "Not described yet"},
            {"x-frontdoor-undocumented", true},
            {"responses", {{"default", {{"description", "See docs/service.md."}}}}}};
}

}  // namespace

json common_schemas() {
    return {{"Error", error_schema()},     {"Refusal", refusal_schema()},
            {"Ruleset", ruleset_schema()}, {"Decision", decision_schema()},
            {"Pack", pack_schema()},       {"Status", status_schema()},
            {"Record", record_schema()},   {"RecordList", record_list_schema()},
            {"Reload", reload_schema()},   {"ReloadFailure", reload_failure_schema()},
            {"Shadow", shadow_schema()}};
}

json openapi_document(const RouteTable& routes, const Pack& pack) {
    json paths = json::object();
    for (const auto& route : routes.all()) {
        json operation = describe_operation(route.method, route.pattern);
        if (operation.is_null()) operation = undocumented();
        add_query(operation, route);
        std::string method(beast_http::to_string(route.method));
        for (auto& c : method) c = static_cast<char>(c - 'A' + 'a');
        paths[route.pattern][method] = std::move(operation);
    }
    json schemas = common_schemas();
    schemas["Contact"] = json::parse(pack.input_schema());
    json unauthorized = {{"description", "No token, or an unknown one."},
                         {"headers", {{"WWW-Authenticate", {{"schema", {{"type", "string"}}}}}}},
                         {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    json forbidden = {
        {"description", "The token lacks the route's role; or, on a server without authentication (--no-auth), the "
                        "request was addressed to a name that is not a loopback one, or a browser sent it from "
                        "another site."},
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
