#pragma once
// What a server without authentication (--no-auth, loopback only) refuses that one with tokens need
// not: requests a web page the user has open makes the browser send. A bearer token is never sent
// by the browser on its own, so with tokens such a request gets 401; without them it would be
// answered. Two kinds:
// - addressed to another name: the page has its own name resolve to 127.0.0.1 (DNS rebinding) and
//   then talks to the server as its own origin. The browser sends the name it resolved as the Host.
// - sent from another site (cross-site request forgery): a form or a fetch that needs no CORS
//   preflight, e.g. a POST of text/plain or with no body at all (a publish). The browser says where
//   it came from in Sec-Fetch-Site, or failing that in Origin. The rule is Go's
//   net/http.CrossOriginProtection (Go 1.25): safe methods pass; Sec-Fetch-Site must be
//   same-origin or none; without it, an Origin must name the Host; without either, the request is
//   not a browser's.
#include "http/http_types.hpp"

#include <optional>
#include <string>

namespace frontdoor::http {

// True when a browser says `request` came from a page of another origin, and its method can
// change something (anything but GET, HEAD and OPTIONS).
bool sent_from_another_site(const Request& request);

// Why a server without authentication does not answer `request`, or nothing.
std::optional<std::string> refused_without_auth(const Request& request);

}  // namespace frontdoor::http
