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
#include <utility>
#include <vector>

namespace frontdoor::http {

using Handler = std::function<Response(Service&, const Request&, RequestContext&)>;

// A query parameter a route takes. Every parameter of a route may be given once; a parameter the
// route does not take, one given twice, or a value refused here is 400 before the handler runs
// (check_query, query_parameters.cpp), so a handler reads a value already checked (query_value).
struct QueryParameter {
    std::string name;
    bool required = false;
    // The values it may have, percent-decoded; empty: any text that is not empty.
    std::vector<std::string> values{};
    // How to give it, for the 400 when it is missing or its value is refused: "contact_id=ID".
    std::string usage{};
    std::string description{};  // for the OpenAPI document
};

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
    // The query parameters it takes; none by default. The OpenAPI document lists exactly these.
    std::vector<QueryParameter> query{};
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
// The value of query parameter `name` in `target`, undecoded; nothing when absent.
std::optional<std::string_view> query_parameter(std::string_view target, std::string_view name);
// The parameters of `target`'s query as given (name and value undecoded), in order; an empty pair
// ("a=1&&b=2") is none.
std::vector<std::pair<std::string_view, std::string_view>> query_parameters(std::string_view target);
// Appends `text` with its %XX escapes decoded ("%41" -> "A") to `out`; false for a bad escape. '+'
// stays '+' (a contact id or a file name may hold one).
bool percent_decode(std::string_view text, std::string& out);

// Why `target`'s query is refused for `route` (400): a parameter the route does not take (naming it
// and the ones it takes), one given twice, a bad percent-encoding, a value not among the
// parameter's values, a required one missing. Nothing when the handler may read it (query_value).
struct QueryProblem {
    std::string message;
    std::string parameter;  // the parameter at fault, as given
};
std::optional<QueryProblem> check_query(const Route& route, std::string_view target);
// The 400 for `problem`: the error body, with "parameter" and "takes" (the route's parameters).
Response query_refusal(const Request& request, const Route& route, const QueryProblem& problem);
// The percent-decoded value of parameter `name` in a target that check_query passed; empty when
// the parameter is absent (check_query has refused a required one missing).
std::string query_value(std::string_view target, std::string_view name);

}  // namespace frontdoor::http
