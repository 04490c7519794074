#pragma once
// One request in, one response out: finds the route (404, 405 with Allow), checks the caller's
// token and role (401 with WWW-Authenticate, 403) and the query (400), runs the handler, stamps
// X-Request-Id, and turns an exception escaping a handler into a 500 that says no more. Logs the request id, route,
// status and time taken at debug level, never what the body says.
#include "http_types.hpp"
#include "routes.hpp"
#include "service.hpp"

#include <optional>

namespace frontdoor::http {

// The refusal for a request with no route (404), a route without its method (405 with Allow), a
// caller without the route's role (401 with WWW-Authenticate, 403), or a query the route does not
// take (400, check_query in routes.hpp); nothing when the route may run.
// Sets context.route and context.path_param. Needs only the request's head (streamed routes).
std::optional<Response> refuse_access(Service& service, const RouteTable& routes, const Request& request,
                                      RequestContext& context);

Response answer_request(Service& service, const RouteTable& routes, const Request& request);
// The same, with the caller's context: when the handler set context.finish (a recorded decision),
// the response returned must not be sent as it is; the caller passes it to context.finish with a
// callback that sends what it is given (see Session::on_body).
Response answer_request(Service& service, const RouteTable& routes, const Request& request, RequestContext& context);

}  // namespace frontdoor::http
