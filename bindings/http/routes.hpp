#pragma once
// The route table: method, path, the role a caller needs, and the handler. Each area of the API
// adds its routes in its own file (handle_decisions.cpp, handle_pack.cpp, handle_health.cpp);
// make_routes lists the areas, so a new area is one file and one line there.
#include "auth.hpp"
#include "http/transport/stream_plan.hpp"
#include "http_types.hpp"
#include "service.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::http {

using Handler = std::function<Response(Service&, const Request&, RequestContext&)>;

struct Route {
    beast_http::verb method;
    // An exact path, or one ending in "/{id}": then any one non-empty segment there, handed to the
    // handler as RequestContext::path_param.
    std::string pattern;
    Role role;  // Role::none: anonymous
    Handler handler;
    bool batch_body = false;  // takes one of ServiceLimits::concurrent_batches; limited by batch_body_bytes
    // Set: the body is streamed to this instead of read whole for `handler` (stream_plan.hpp).
    StreamHandler stream{};
};

class RouteTable {
public:
    void add(Route route) { routes_.push_back(std::move(route)); }

    struct Match {
        const Route* route = nullptr;  // null: no route for this method (see allow) or path
        std::string allow;             // the methods the path answers, "GET, POST"; empty: unknown path
        std::string param;
    };
    // The route for `method` on `path` (the target without its query).
    Match find(beast_http::verb method, std::string_view path) const;
    // Every route, in the order added (`frontdoor serve --routes`, the OpenAPI document).
    const std::vector<Route>& all() const { return routes_; }

private:
    std::vector<Route> routes_;
};

// Every route of the service.
RouteTable make_routes();
void add_decision_routes(RouteTable& routes);  // handle_decisions.cpp
void add_pack_routes(RouteTable& routes);      // handle_pack.cpp
void add_health_routes(RouteTable& routes);    // handle_health.cpp
void add_audit_routes(RouteTable& routes);     // handle_audit.cpp
void add_reload_routes(RouteTable& routes);    // handle_reload.cpp
void add_shadow_routes(RouteTable& routes);    // handle_shadow.cpp
void add_metrics_routes(RouteTable& routes);   // handle_metrics.cpp
void add_openapi_routes(RouteTable& routes);   // handle_openapi.cpp
// `frontdoor workspace` (docs/workspace.md): answered 404 by a service that is not a workspace.
void add_workspace_routes(RouteTable& routes);  // handle_workspace.cpp

// The path of a request target ("/v1/decisions?explain=false" -> "/v1/decisions").
std::string_view target_path(std::string_view target);
// The value of query parameter `name` in `target`, undecoded; empty when absent.
std::optional<std::string_view> query_parameter(std::string_view target, std::string_view name);
// How many times query parameter `name` is given in `target`: a route refuses one given twice (400)
// rather than take the first silently (?explain=false&explain=true).
std::size_t query_parameter_count(std::string_view target, std::string_view name);
// Appends `text` with its %XX escapes decoded ("%41" -> "A") to `out`; false for a bad escape. '+'
// stays '+' (a contact id or a file name may hold one).
bool percent_decode(std::string_view text, std::string& out);

}  // namespace frontdoor::http
