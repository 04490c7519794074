#pragma once
// Whether a request was addressed to this machine by a loopback name. A server without
// authentication (--no-auth, loopback only) answers only those: a web page the user visits can make
// the browser send requests to 127.0.0.1 under the page's own name (DNS rebinding: evil.example
// resolves to 127.0.0.1 once the page has loaded), and those requests carry that name as their Host.
// The browser sends the name it resolved, so a Host that is not a loopback name is such a request.
#include <string_view>

namespace frontdoor::http {

// True for a Host header value naming localhost, a name under .localhost, an IPv4 address in
// 127.0.0.0/8 or [::1], with or without a port; and for no Host header at all (HTTP/1.0 clients:
// browsers always send one). False for every other name or address, and for a malformed value.
bool addressed_to_loopback(std::string_view host_header);

}  // namespace frontdoor::http
