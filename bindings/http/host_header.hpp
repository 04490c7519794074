#pragma once
// The Host header: whether a request has the one it must have (RFC 9112 3.2), and whether it names
// this machine by a loopback name.
#include "http/http_types.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::http {

// Why `request`'s Host is not what RFC 9112 3.2 asks (answered 400), or nothing: more than one Host
// header, none in an HTTP/1.1 request (an HTTP/1.0 one may have none), or a value that is not a
// host name or address with an optional port.
std::optional<std::string> host_problem(const Request& request);

// True for a Host header value naming localhost, a name under .localhost, an IPv4 address in
// 127.0.0.0/8 or [::1], with or without a port; and for no Host header at all (HTTP/1.0 clients:
// browsers always send one). False for every other name or address, and for a malformed value.
bool addressed_to_loopback(std::string_view host_header);

}  // namespace frontdoor::http
