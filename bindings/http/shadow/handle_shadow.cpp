// GET /v1/shadow (audit): what shadow mode has seen since the start: the candidate pack, how many
// requests it decided as well, how many of those it would decide differently, how many it missed
// because its queue was full, how many differing decisions it recorded in its log (--shadow-record)
// and failed to, and the differing decisions by outcome old -> new. 404 without
// --shadow. The same counts are ShadowMode::counts() for /metrics.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "shadow_mode.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::http {

namespace {

Response describe_shadow(Service& service, const Request& request, RequestContext&) {
    if (!service.shadow)
        return error_response(request, beast_http::status::not_found, "shadow mode is off: start with --shadow DIR");
    auto candidate = service.shadow->candidate().current();
    ShadowCounts counts = service.shadow->counts();
    nlohmann::json transitions = nlohmann::json::array();
    for (const auto& t : counts.transitions)
        transitions.push_back({{"before", t.before}, {"after", t.after}, {"count", t.count}});
    nlohmann::json body = {{"candidate",
                            {{"name", candidate->pack->name()},
                             {"version", candidate->pack->version()},
                             {"digest", candidate->pack->digest()},
                             {"active_since", candidate->active_since}}},
                           {"compared", counts.compared},
                           {"differing", counts.differing},
                           {"dropped", counts.dropped},
                           {"recorded", counts.recorded},
                           {"record_failures", counts.record_failures},
                           {"transitions", std::move(transitions)}};
    return json_response(request, beast_http::status::ok,
                         body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_shadow_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/v1/shadow", Role::audit, describe_shadow});
}

}  // namespace frontdoor::http
