// A recorded decision as JSON, for `frontdoor audit show --format json` and GET /v1/decisions.
#include "frontdoor/records.hpp"

#include "engine/json/parse_json_within_depth.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor {

std::string record_json(const Record& record, const std::string& problem) {
    using Json = nlohmann::ordered_json;
    Json out = {{"id", record.id}, {"contact_id", record.contact_id ? Json(*record.contact_id) : Json()}};
    out["recorded_at"] = record.recorded_at;
    out["pack_digest"] = record.pack_digest;
    out["engine_version"] = record.engine_version;
    out["previous_hash"] = record.previous_hash;
    out["hash"] = record.hash;
    out["intact"] = problem.empty();
    out["problem"] = problem.empty() ? Json() : Json(problem);
    out["input"] = record.input;
    // Within the reader's depth: a tampered decision nested deeper would exhaust the stack when
    // dumped, here or in a face that reads this text. Such a decision, or one that is not JSON, is
    // shown as the text it is.
    Json decision = engine::parse_json_within_depth<Json>(record.decision);
    out["decision"] = decision.is_discarded() ? Json(record.decision) : decision;
    // A tampered record may hold bytes that are not UTF-8: written replaced, not a crash.
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace frontdoor
