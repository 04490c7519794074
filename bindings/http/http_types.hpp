#pragma once
// The HTTP types every part of the service speaks, on Boost.Beast: one request and one response
// with their bodies held as text.
#include <boost/beast/http.hpp>

#include <functional>
#include <string>

namespace frontdoor::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

// Every answer says HTTP/1.1, also to an HTTP/1.0 request (RFC 9110 6.2: a server sends the highest
// version it conforms to); keep_alive(request.keep_alive()) then writes "Connection: close" for a
// 1.0 client that did not ask to keep the connection, and no chunked answer goes to such a client.
inline constexpr unsigned response_version = 11;

// What a handler knows about the request beyond its bytes.
struct RequestContext {
    std::string request_id;  // echoed from X-Request-Id when safe, otherwise made here
    std::string route;       // the route's pattern, for logs and metrics, e.g. "/v1/decisions"
    std::string path_param;  // the {id} part of a route such as /v1/decisions/{id}; else empty
    // Set by a handler whose response may be sent only after an asynchronous step (recording the
    // decision): called with the handler's response and a callback taking the response to send
    // instead (the same, or an error). The callback may run on any thread, once.
    using Send = std::function<void(Response)>;
    std::function<void(Response, Send)> finish;
};

}  // namespace frontdoor::http
