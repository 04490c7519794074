// GET /metrics: every metric of the service in the Prometheus text format (metrics.hpp), for a
// scraper holding a token with the `metrics` role (or `admin`).
#include "metrics.hpp"
#include "routes.hpp"

namespace frontdoor::http {

namespace {

Response scrape(Service& service, const Request& request, RequestContext&) {
    auto active = service.pack.current();
    Response response{beast_http::status::ok, request.version()};
    response.set(beast_http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.keep_alive(request.keep_alive());
    response.body() = render_metrics(service.metrics, *active->pack, service.open_connections.load());
    response.prepare_payload();
    return response;
}

}  // namespace

void add_metrics_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/metrics", Role::metrics | Role::admin, scrape});
}

}  // namespace frontdoor::http
