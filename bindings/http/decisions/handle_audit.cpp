// GET /v1/decisions/{record_id} and GET /v1/decisions?contact_id=ID (role audit): recorded
// decisions read back from the log of `serve --record`, each checked on its own as `frontdoor audit
// show` checks it (DecisionLog::check_record: its content against its hash, its link to the record
// before). A record that fails is answered 409 with its problem, never 200 as if it were good.
#include "http/json_error.hpp"
#include "http/routes.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::http {

namespace {

using Json = nlohmann::json;

// Records answered for one contact at most; "truncated": true says there were more.
constexpr std::size_t max_records_answered = 1000;

// The records matching `filter`, each with its own check, and the log's layout problem (if any).
struct Found {
    Json records = Json::array();
    std::string layout;
    bool intact = true;
    bool truncated = false;
};

Found find_records(const DecisionRecorder& recorder, const RecordFilter& filter) {
    return recorder.read([&filter](const DecisionLog& log) {
        Found found;
        found.layout = log.layout_problem();
        found.intact = found.layout.empty();
        log.scan(filter, [&](Record&& record) {
            if (found.records.size() == max_records_answered) {
                found.truncated = true;
                return false;
            }
            std::string problem = log.check_record(record);
            found.intact = found.intact && problem.empty();
            // A compact explanation is answered in full (the check covers the bytes as stored); one
            // that the log's packs cannot write in full is answered as stored.
            try {
                record.decision = log.full_decision(record);
            } catch (const std::runtime_error&) {
            }
            // The library's record (as `audit show --format json` shows it), read into this answer.
            found.records.push_back(Json::parse(record_json(record, problem)));
            return true;
        });
        return found;
    });
}

Response answer_found(const Request& request, Json body, const Found& found) {
    body["intact"] = found.intact;
    body["log_problem"] = found.layout.empty() ? Json() : Json(found.layout);
    // A tampered record may hold bytes that are not UTF-8: shown replaced, not a crash.
    return json_response(request, found.intact ? beast_http::status::ok : beast_http::status::conflict,
                         body.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n");
}

Response no_log(const Request& request) {
    return error_response(request, beast_http::status::not_found,
                          "no decision log is configured: start frontdoor serve with --record LOG");
}

Response show_record(Service& service, const Request& request, RequestContext& context) {
    if (!service.recorder) return no_log(request);
    const std::string& id = context.path_param;
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos || std::stoll(id) == 0)
        return error_response(request, beast_http::status::bad_request,
                              "a record id is a whole number from 1, e.g. /v1/decisions/17");
    RecordFilter filter;
    filter.id = std::stoll(id);
    Found found = find_records(*service.recorder, filter);
    if (found.records.empty()) return error_response(request, beast_http::status::not_found, "no record " + id);
    return answer_found(request, std::move(found.records[0]), found);
}

Response list_records(Service& service, const Request& request, RequestContext&) {
    if (!service.recorder) return no_log(request);
    std::string contact = query_value(request.target(), "contact_id");
    RecordFilter filter;
    filter.contact_id = contact;
    Found found = find_records(*service.recorder, filter);
    Json body = {{"contact_id", contact}, {"records", found.records}, {"truncated", found.truncated}};
    return answer_found(request, std::move(body), found);
}

}  // namespace

void add_audit_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/v1/decisions/{id}", Role::audit, show_record});
    routes.add({.method = beast_http::verb::get,
                .pattern = "/v1/decisions",
                .role = Role::audit,
                .handler = list_records,
                .query = {{"contact_id", true, {}, "contact_id=ID", "The contact's id, percent-encoded."}}});
}

}  // namespace frontdoor::http
