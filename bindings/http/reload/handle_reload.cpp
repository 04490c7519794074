// POST /v1/pack:reload (admin): reload the active pack from its directory now and answer the
// outcome. 200 with the pack in force and "reloaded" or "unchanged" (the same digest: nothing was
// swapped); 422 with every diagnostic (file:line:col) when the directory's pack has errors, and
// the old pack, still active. The load runs on the reloader's thread; this handler waits for it.
#include "http/decisions/pack_headers.hpp"
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "reload_pack.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::http {

namespace {

nlohmann::json pack_json(const ActiveSnapshot& active) {
    return {{"name", active.pack->name()},
            {"version", active.pack->version()},
            {"digest", active.pack->digest()},
            {"active_since", active.active_since}};
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
    const char* severity = d.severity == Severity::error     ? "error"
                           : d.severity == Severity::warning ? "warning"
                                                             : "note";
    return {{"file", d.file},       {"line", d.line},       {"column", d.column},
            {"severity", severity}, {"message", d.message}, {"rendered", render(d)}};
}

const char* result_name(ReloadOutcome::Result result) {
    switch (result) {
        case ReloadOutcome::Result::reloaded: return "reloaded";
        case ReloadOutcome::Result::unchanged: return "unchanged";
        case ReloadOutcome::Result::failed: break;
    }
    return "failed";
}

Response reload_pack(Service& service, const Request& request, RequestContext&) {
    if (!service.reloader)
        return error_response(request, beast_http::status::service_unavailable, "reloading is not available");
    ReloadOutcome outcome = service.reloader->request().get();
    nlohmann::json diagnostics = nlohmann::json::array();
    std::size_t errors = 0;
    for (const auto& d : outcome.diagnostics) {
        diagnostics.push_back(diagnostic_json(d));
        errors += d.severity == Severity::error;
    }
    nlohmann::json body;
    auto status = beast_http::status::ok;
    if (outcome.result == ReloadOutcome::Result::failed) {
        status = beast_http::status::unprocessable_entity;
        std::string message =
            errors ? "the pack in " + service.reloader->directory() + " has " + std::to_string(errors) +
                         (errors == 1 ? " error" : " errors") + "; the active pack stays"
                   : "the pack in " + service.reloader->directory() + " could not be loaded; the active pack stays";
        body = {{"error", {{"status", 422}, {"message", message}, {"diagnostics", diagnostics}}},
                {"active", pack_json(*outcome.active)}};
    } else {
        body = {{"result", result_name(outcome.result)},
                {"active", pack_json(*outcome.active)},
                {"diagnostics", diagnostics}};
    }
    Response response =
        json_response(request, status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    set_pack_headers(response, *outcome.active->pack);
    return response;
}

}  // namespace

void add_reload_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/pack:reload", Role::admin, reload_pack});
}

}  // namespace frontdoor::http
