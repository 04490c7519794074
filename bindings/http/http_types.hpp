#pragma once
// The HTTP types every part of the service speaks, on Boost.Beast: one request and one response
// with their bodies held as text.
#include <boost/beast/http.hpp>

#include <string>

namespace frontdoor::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

// What a handler knows about the request beyond its bytes.
struct RequestContext {
    std::string request_id;  // echoed from X-Request-Id when safe, otherwise made here
    std::string route;       // the route's pattern, for logs and metrics, e.g. "/v1/decisions"
    std::string path_param;  // the {id} part of a route such as /v1/decisions/{id}; else empty
};

}  // namespace frontdoor::http
