#pragma once
// The workspace's one outbound HTTP client: calls to the running decision service it publishes to
// (--publish-service URL), and to nothing else. Plain http only to a loopback address; https
// otherwise, with the peer's certificate verified against the system's trust store and the host
// name. Every call is bounded in time.
#include "http/http_types.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace frontdoor::http {

struct ServiceUrl {
    bool https = false;
    std::string host;  // without the brackets of an IPv6 address
    std::string port;  // "80", "443" or as given
    std::string text;  // as given, without a trailing '/'
};

// "http://127.0.0.1:8080" or "https://decisions.example:8443" (no path, query or credentials);
// nothing, with `problem` set, for another form or plain http to a host that is not loopback.
std::optional<ServiceUrl> parse_service_url(const std::string& text, std::string& problem);

struct ServiceAnswer {
    unsigned status = 0;  // 0: no answer; then `problem` says why
    std::string body;
    std::string problem;
};

// `method` `path` on the service, with `token` as its bearer token when not empty.
ServiceAnswer call_service(const ServiceUrl& service, beast_http::verb method, const std::string& path,
                           const std::string& token, std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace frontdoor::http
