#pragma once
// `frontdoor serve`: the HTTP decision service. The CLI (bindings/cli/cmd_serve.cpp) parses the
// options, loads the pack and the tokens, and calls listen_and_serve; this library (frontdoor_http)
// is everything after that. docs/service.md describes the API, auth and limits.
#include "auth.hpp"
#include "serve_options.hpp"

#include "frontdoor/frontdoor.hpp"

#include <memory>
#include <ostream>
#include <stdexcept>

namespace frontdoor::http {

// The service cannot start: the message says why (an address it will not or cannot listen on).
class ServeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The decision log given with --record cannot be opened for appending: the message names it.
class RecordLogError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whether `host` is a loopback address (127.0.0.0/8, ::1, or "localhost"); throws ServeError
// when it is not an IP address at all.
bool is_loopback_host(const std::string& host);

// Serves `pack` on options.host:options.port until SIGINT or SIGTERM, then stops gracefully:
// no new connections, requests in flight answered (for at most limits.stop_grace), and returns.
// Prints "listening on http://ADDRESS:PORT" (https:// with TLS) to `out` (flushed) once it accepts
// connections. Throws ServeError when it cannot listen or cannot use the TLS certificate or key,
// RecordLogError when the decision log cannot be opened.
void listen_and_serve(const ServeOptions& options, std::shared_ptr<const Pack> pack, TokenTable tokens,
                      std::ostream& out);

// Every route of the service, one a line: "METHOD PATTERN" and the names of the query parameters
// it takes, "GET /v1/decisions contact_id" (`frontdoor serve --routes`).
void print_routes(std::ostream& out);

}  // namespace frontdoor::http
