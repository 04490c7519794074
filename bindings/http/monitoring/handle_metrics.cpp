// GET /metrics: every metric of the service in the Prometheus text format (metrics.hpp), for a
// scraper holding a token with the `metrics` role (or `admin`).
#include "http/reload/reload_pack.hpp"
#include "http/routes.hpp"
#include "http/shadow/shadow_mode.hpp"
#include "metrics.hpp"

namespace frontdoor::http {

namespace {

// Counts the recorder, the reloader and shadow mode keep themselves, copied in at each scrape.
void publish_kept_counts(Service& service) {
    Metrics& metrics = service.metrics;
    if (service.recorder) {
        metrics.log_queue_depth.set(static_cast<std::int64_t>(service.recorder->depth()));
        metrics.log_pushbacks.publish(service.recorder->refused());
    }
    if (service.reloader) {
        ReloadCounts counts = service.reloader->counts();
        metrics.reloads.with({"ok"}).publish(counts.reloaded + counts.unchanged);
        metrics.reloads.with({"failed"}).publish(counts.failed);
    }
    if (service.shadow) {
        ShadowCounts counts = service.shadow->counts();
        for (const auto& transition : counts.transitions)
            metrics.shadow_transitions.with({transition.before, transition.after}).publish(transition.count);
        metrics.shadow_recorded.publish(counts.recorded);
        metrics.shadow_record_failures.publish(counts.record_failures);
    }
}

Response scrape(Service& service, const Request& request, RequestContext&) {
    publish_kept_counts(service);
    auto active = service.pack.current();
    Response response{beast_http::status::ok, response_version};
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
