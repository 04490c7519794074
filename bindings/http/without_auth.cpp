#include "without_auth.hpp"

#include "host_header.hpp"

#include <boost/beast/core/string.hpp>

namespace frontdoor::http {

bool sent_from_another_site(const Request& request) {
    switch (request.method()) {
        case beast_http::verb::get:
        case beast_http::verb::head:
        case beast_http::verb::options: return false;
        default: break;
    }
    auto site = request.find("Sec-Fetch-Site");
    if (site != request.end()) return !(site->value() == "same-origin" || site->value() == "none");
    auto origin = request.find(beast_http::field::origin);
    if (origin == request.end()) return false;  // not a browser's (or one too old to say)
    std::string_view value = origin->value();
    std::size_t scheme_end = value.find("://");
    if (scheme_end == std::string_view::npos) return true;  // "null": a sandboxed frame, a file
    return !boost::beast::iequals(value.substr(scheme_end + 3), request[beast_http::field::host]);
}

std::optional<std::string> refused_without_auth(const Request& request) {
    if (!addressed_to_loopback(request[beast_http::field::host]))
        return "this server runs without authentication, so it answers only requests addressed to localhost, "
               "127.0.0.1 or [::1]; this one was addressed to another name";
    if (sent_from_another_site(request))
        return "this server runs without authentication, so it answers only requests from its own pages; this one "
               "came from another site";
    return std::nullopt;
}

}  // namespace frontdoor::http
