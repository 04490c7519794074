// The OpenAPI description of POST /v1/workspace:walkthrough (handle_workspace_walkthrough.cpp):
// the trainer's walkthrough of a scenario or a contact, with what-ifs.
#include "openapi.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

json walkthrough_error(const std::string& description) {
    return {{"description", description},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json list_of(json item) { return {{"type", "array"}, {"items", std::move(item)}}; }
json words() { return list_of({{"type", "string"}}); }

json step_schema(bool with_note) {
    json properties = {
        {"number", {{"type", "integer"}}},
        {"heading", {{"type", "string"}}},
        {"source", {{"type", "string"}, {"description", "The protocol clause (citation) that decided it."}}},
        {"lines", words()}};
    if (with_note) properties["note"] = {{"type", "string"}};
    return {{"type", "object"}, {"properties", properties}, {"required", {"heading", "source", "lines"}}};
}

json what_if_schema() {
    json difference = {
        {"type", "object"},
        {"required", {"change", "before", "now"}},
        {"properties",
         {{"change", {{"type", "string"}}},
          {"before", {{"type", "string"}, {"description", "What gave it, or did not, before; may be empty."}}},
          {"now", {{"type", "string"}, {"description", "What gives it, or does not, now; may be empty."}}}}}};
    return {{"type", "object"},
            {"required", {"changes", "facts_changed", "differences", "steps"}},
            {"properties",
             {{"changes", words()},
              {"facts_changed", words()},
              {"differences", list_of(difference)},
              {"steps", list_of(step_schema(true))},
              {"refused_before", {{"type", "string"}}},
              {"decided_now", words()}}}};
}

json walkthrough_schema() {
    json field = {{"type", "object"}, {"required", {"name", "called", "collection"}}};
    return {{"type", "object"},
            {"required", {"title", "stale", "facts", "steps", "result", "fields", "decision", "markdown"}},
            {"properties",
             {{"title", {{"type", "string"}}},
              {"stale",
               {{"type", "array"},
                {"items", {{"type", "string"}}},
                {"description", "Each expectation of the scenario the pack's decision no longer meets."}}},
              {"facts", words()},
              {"steps", list_of(step_schema(false))},
              {"result", words()},
              {"fields", list_of(field)},
              {"decision", {{"$ref", "#/components/schemas/Decision"}}},
              {"contact", {{"type", "object"}}},
              {"what_if", what_if_schema()},
              {"markdown", {{"type", "string"}, {"description", "`frontdoor walkthrough --format md`'s text."}}}}}};
}

json walkthrough_request() {
    json change = {{"type", "object"},
                   {"required", {"field"}},
                   {"properties",
                    {{"field", {{"type", "string"}, {"description", "A JSON pointer into the contact."}}},
                     {"value", {{"description", "The fact's new value, any JSON."}}},
                     {"absent", {{"type", "boolean"}, {"description", "Remove the fact instead."}}}}}};
    json body = {
        {"type", "object"},
        {"properties",
         {{"scenario", {{"type", "string"}, {"description", "A scenario file, relative to the pack directory."}}},
          {"contact", {{"$ref", "#/components/schemas/Contact"}}},
          {"what_if", list_of(change)}}}};
    return {{"required", true}, {"content", {{"application/json", {{"schema", body}}}}}};
}

}  // namespace

json describe_walkthrough_operation() {
    json refused = {
        {"anyOf",
         {{{"$ref", "#/components/schemas/Refusal"}}, {{"type", "object"}, {"required", {"error", "diagnostics"}}}}}};
    json responses = {
        {"200",
         {{"description", "The walkthrough, and the what-if comparison when asked."},
          {"content", {{"application/json", {{"schema", walkthrough_schema()}}}}}}},
        {"400",
         walkthrough_error("Not a JSON object with a scenario or a contact, a malformed what-if, or a bad path.")},
        {"401", {{"$ref", "#/components/responses/Unauthorized"}}},
        {"403", walkthrough_error("The role is not decide, or the path leads outside the pack directory.")},
        {"404", walkthrough_error("No such scenario, or the service is not a workspace.")},
        {"422",
         {{"description", "The contact is refused (before the what-ifs, or after: error.what_if), with its "
                          "JSON path; or the pack has errors (with its diagnostics)."},
          {"content", {{"application/json", {{"schema", refused}}}}}}}};
    return {{"summary", "Walk through a scenario or a contact step by step, with what-ifs"},
            {"operationId", "walkThroughCase"},
            {"requestBody", walkthrough_request()},
            {"x-frontdoor-role", "decide"},
            {"responses", std::move(responses)}};
}

}  // namespace frontdoor::http
