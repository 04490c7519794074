// What each route of the service takes and answers, for the OpenAPI document (openapi.hpp). A
// route added to the table needs its entry here; routes planned by issue 12 but not yet in the
// table (the audit routes, reload) are described already and appear once the route exists.
#include "openapi.hpp"

#include <map>
#include <utility>

namespace frontdoor::http {

namespace {

using nlohmann::json;

json ref(const std::string& schema) { return {{"$ref", "#/components/schemas/" + schema}}; }
json content(const std::string& media_type, json schema) { return {{media_type, {{"schema", std::move(schema)}}}}; }
json answer(const std::string& description, const std::string& media_type, json schema) {
    return {{"description", description}, {"content", content(media_type, std::move(schema))}};
}
json error(const std::string& description) { return answer(description, "application/json", ref("Error")); }

// The answers of every route that needs a token, plus the limits any request can run into.
json with_common_answers(json responses) {
    responses["401"] = {{"$ref", "#/components/responses/Unauthorized"}};
    responses["403"] = {{"$ref", "#/components/responses/Forbidden"}};
    responses["503"] = error("Too many connections or batches, or the service is stopping; see Retry-After.");
    return responses;
}

json decide_one() {
    json responses = {
        {"200", answer("The decision, byte for byte what frontdoor eval prints.", "application/json", ref("Decision"))},
        {"400", error("An empty body or one that is not JSON.")},
        {"413", error("The body is larger than --max-body-bytes.")},
        {"415", error("The content type is not application/json, or the body has a content coding.")},
        {"422", answer("The contact is refused by the pack's input contract.", "application/json", ref("Refusal"))}};
    return {{"summary", "Decide one contact"},
            {"operationId", "decide"},
            {"x-frontdoor-role", "decide"},
            {"requestBody", {{"required", true}, {"content", content("application/json", ref("Contact"))}}},
            {"responses", with_common_answers(responses)}};
}

json decide_many() {
    json line = {{"type", "string"}, {"description", "One contact (or a decision, or a refusal) a line."}};
    json responses = {{"200", answer("One line per input line, in order: a decision, or {\"line\":N,\"error\":{...}}.",
                                     "application/x-ndjson", line)},
                      {"413", error("The body is larger than --max-batch-bytes.")},
                      {"415", error("The content type is not a JSON lines type, or the body has a content coding.")}};
    return {{"summary", "Decide many contacts, one JSON document a line"},
            {"operationId", "decideBatch"},
            {"x-frontdoor-role", "decide"},
            {"requestBody", {{"required", true}, {"content", content("application/x-ndjson", line)}}},
            {"responses", with_common_answers(responses)}};
}

json simple_get(const std::string& summary, const std::string& id, const std::string& role, json ok) {
    json operation = {{"summary", summary},
                      {"operationId", id},
                      {"x-frontdoor-role", role},
                      {"responses", with_common_answers({{"200", std::move(ok)}})}};
    return operation;
}

json anonymous_get(const std::string& summary, const std::string& id, bool can_be_unready) {
    json responses = {{"200", answer("The status.", "application/json", ref("Status"))}};
    if (can_be_unready) responses["503"] = error("No pack is active, or the service is stopping.");
    return {{"summary", summary},
            {"operationId", id},
            {"x-frontdoor-role", "none"},
            {"security", json::array()},
            {"responses", responses}};
}

json recorded_decision() {
    json operation = simple_get("A recorded decision, its integrity checked", "getRecordedDecision", "audit",
                                answer("The record.", "application/json", ref("Record")));
    operation["parameters"] = {{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}};
    operation["responses"]["400"] = error("The id is not a whole number from 1.");
    operation["responses"]["404"] = error("No record has this id, or the service records nothing (no --record).");
    operation["responses"]["409"] =
        answer("The record fails its integrity check: shown, with intact false and the problem.", "application/json",
               ref("Record"));
    return operation;
}

json recorded_decisions() {
    json operation =
        simple_get("The recorded decisions of a contact", "listRecordedDecisions", "audit",
                   answer("The records, oldest first, at most 1000.", "application/json", ref("RecordList")));
    operation["responses"]["400"] = error("No contact_id, or a bad percent-encoding.");
    operation["responses"]["404"] = error("The service records nothing (no --record).");
    operation["responses"]["409"] =
        answer("A record fails its integrity check: all shown, intact false.", "application/json", ref("RecordList"));
    return operation;
}

json reload() {
    json operation =
        simple_get("Check, compile and activate the pack's directory again", "reloadPack", "admin",
                   answer("The pack now active, and whether it changed.", "application/json", ref("Reload")));
    operation["responses"]["422"] = answer("The new pack has errors (each diagnostic); the old pack stays active.",
                                           "application/json", ref("ReloadFailure"));
    return operation;
}

json shadow() {
    json operation =
        simple_get("What shadow mode has counted", "describeShadow", "audit",
                   answer("The candidate pack and the decisions it would change.", "application/json", ref("Shadow")));
    operation["responses"]["404"] = error("Shadow mode is off (no --shadow).");
    return operation;
}

json text(const std::string& media_type) { return content(media_type, {{"type", "string"}}); }

}  // namespace

json describe_operation(beast_http::verb method, const std::string& pattern) {
    using verb = beast_http::verb;
    static const std::map<std::pair<verb, std::string>, json> operations = {
        {{verb::get, "/healthz"}, anonymous_get("Whether the process answers", "alive", false)},
        {{verb::get, "/readyz"}, anonymous_get("Whether it can decide (a pack is active)", "ready", true)},
        {{verb::post, "/v1/decisions"}, decide_one()},
        {{verb::post, "/v1/decisions:batch"}, decide_many()},
        {{verb::get, "/v1/decisions/{id}"}, recorded_decision()},
        {{verb::get, "/v1/decisions"}, recorded_decisions()},
        {{verb::get, "/v1/pack"},
         simple_get("The active pack", "describePack", "decide", answer("The pack.", "application/json", ref("Pack")))},
        {{verb::get, "/v1/pack/explanation-dictionary"},
         simple_get("What the active pack's compact explanations refer to (as frontdoor explain-dictionary prints)",
                    "describeExplanationDictionary", "decide",
                    answer("The dictionary: entries[K] holds the members \"$ref\": K stands for.", "application/json",
                           {{"type", "object"}, {"required", {"ruleset", "format", "entries"}}}))},
        {{verb::post, "/v1/pack:reload"}, reload()},
        {{verb::get, "/v1/shadow"}, shadow()},
        {{verb::get, "/v1/schema"},
         simple_get("The JSON Schema of the input the active pack accepts", "describeSchema", "decide",
                    {{"description", "The schema."}, {"content", content("application/schema+json", ref("Contact"))}})},
        {{verb::get, "/v1/openapi.json"},
         simple_get("This document", "describeApi", "decide, audit, admin or metrics",
                    answer("The OpenAPI 3.1 document.", "application/json", {{"type", "object"}}))},
        {{verb::get, "/metrics"},
         simple_get("Metrics in the Prometheus text format", "scrapeMetrics", "metrics or admin",
                    {{"description", "The metrics."}, {"content", text("text/plain")}})},
    };
    auto found = operations.find({method, pattern});
    return found == operations.end() ? describe_workspace_operation(method, pattern) : found->second;
}

}  // namespace frontdoor::http
