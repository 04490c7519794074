// GET /v1/openapi.json: the OpenAPI 3.1 document of this server's routes (openapi.hpp), with the
// active pack's contact schema. Any token may read it: it says nothing a caller could not learn
// from GET /v1/schema and docs/service.md.
#include "http/decisions/pack_headers.hpp"
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "openapi.hpp"

namespace frontdoor::http {

namespace {

// The table is made afresh (make_routes is the one list of routes), so the document describes
// exactly the routes the server answers.
Response describe_api(Service& service, const Request& request, RequestContext&) {
    auto active = service.pack.current();
    nlohmann::json document = openapi_document(make_routes(), *active->pack);
    Response response = json_response(request, beast_http::status::ok,
                                      document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    set_pack_headers(response, *active->pack);
    return response;
}

}  // namespace

void add_openapi_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/v1/openapi.json", Role::decide | Role::audit | Role::admin | Role::metrics,
                describe_api});
}

}  // namespace frontdoor::http
