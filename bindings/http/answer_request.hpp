#pragma once
// One request in, one response out: finds the route (404, 405 with Allow), checks the caller's
// token and role (401 with WWW-Authenticate, 403), runs the handler, stamps X-Request-Id, and
// turns an exception escaping a handler into a 500 that says no more. Logs the request id, route,
// status and time taken at debug level, never what the body says.
#include "http_types.hpp"
#include "routes.hpp"
#include "service.hpp"

namespace frontdoor::http {

Response answer_request(Service& service, const RouteTable& routes, const Request& request);
// The same, with the caller's context: when the handler set context.finish (a recorded decision),
// the response returned must not be sent as it is; the caller passes it to context.finish with a
// callback that sends what it is given (see Session::on_body).
Response answer_request(Service& service, const RouteTable& routes, const Request& request, RequestContext& context);

}  // namespace frontdoor::http
