#include "without_auth.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace frontdoor::http {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool loopback_address(std::string_view text, bool v6) {
    boost::system::error_code error;
    auto address = boost::asio::ip::make_address(std::string(text), error);
    return !error && address.is_v6() == v6 && address.is_loopback();
}

bool loopback_name(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!name.empty() && name.back() == '.') name.pop_back();  // "localhost." is the same name
    constexpr std::string_view suffix = ".localhost";
    return name == "localhost" ||
           (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0);
}

}  // namespace

bool addressed_to_loopback(std::string_view host) {
    if (host.empty()) return true;
    if (host.front() == '[') {  // [v6 address] or [v6 address]:port
        std::size_t close = host.find(']');
        if (close == std::string_view::npos) return false;
        std::string_view rest = host.substr(close + 1);
        if (!rest.empty() && !(rest.front() == ':' && all_digits(rest.substr(1)))) return false;
        return loopback_address(host.substr(1, close - 1), true);
    }
    std::size_t colon = host.find(':');
    if (colon != std::string_view::npos) {
        if (!all_digits(host.substr(colon + 1))) return false;
        host = host.substr(0, colon);
    }
    if (host.empty()) return false;
    if (all_digits(host.substr(host.rfind('.') + 1))) return loopback_address(host, false);
    return loopback_name(std::string(host));
}

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
