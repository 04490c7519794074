// GET /healthz (the process answers) and GET /readyz (it can decide: a pack is active and, with
// --record, the decision log is writable: its last append did not fail). Both anonymous, for load balancers and
// systemd.
#include "http/json_error.hpp"
#include "http/routes.hpp"

namespace frontdoor::http {

namespace {

Response alive(Service&, const Request& request, RequestContext&) {
    return json_response(request, beast_http::status::ok, "{\"status\":\"ok\"}\n");
}

Response ready(Service& service, const Request& request, RequestContext&) {
    if (service.stopping.load()) return error_response(request, beast_http::status::service_unavailable, "stopping");
    if (!service.pack.current()->pack)
        return error_response(request, beast_http::status::service_unavailable, "no pack is active");
    if (service.recorder && !service.recorder->writable())
        return error_response(request, beast_http::status::service_unavailable, "the decision log is not writable");
    return json_response(request, beast_http::status::ok, "{\"status\":\"ready\"}\n");
}

}  // namespace

void add_health_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/healthz", Role::none, alive});
    routes.add({beast_http::verb::get, "/readyz", Role::none, ready});
}

}  // namespace frontdoor::http
