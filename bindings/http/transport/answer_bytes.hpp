#pragma once
// The request path without a socket: one buffer of raw bytes (request line, headers, body) is
// parsed by the same Boost.Beast parser with the same header and body limits a Session applies,
// answered through answer_request, and the response serialized to bytes. The HTTP fuzz targets
// (bindings/http/tests/fuzz_http_request.cpp, fuzz_http_workspace.cpp) drive it; a Session does the
// same steps asynchronously, with timeouts, on a connection.
#include "http/routes.hpp"
#include "http/service.hpp"

#include <string>
#include <string_view>

namespace frontdoor::http {

// The response bytes the server would write for `bytes` as one request. An incomplete request
// (the peer would still be sending) is answered 408, as the read timeout would; a head or body
// past its limit 431 or 413; bytes that are not HTTP/1.x 400. Only the first request in `bytes`
// is answered. Thread-safe as answer_request is.
std::string answer_bytes(Service& service, const RouteTable& routes, std::string_view bytes);

}  // namespace frontdoor::http
