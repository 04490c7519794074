#include "host_header.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace frontdoor::http {

namespace {

// Only digits, or nothing (RFC 3986's port is *DIGIT).
bool digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool all_digits(std::string_view text) { return !text.empty() && digits(text); }

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

// RFC 3986's reg-name: unreserved, percent-encoded and sub-delims characters.
bool name_character(unsigned char c) {
    return std::isalnum(c) || std::string_view("-._~%!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
}

// uri-host [ ":" port ], empty included (RFC 9112 3.2: a target without an authority).
bool valid_host(std::string_view host) {
    if (!host.empty() && host.front() == '[') {
        std::size_t close = host.find(']');
        if (close == std::string_view::npos) return false;
        std::string_view inside = host.substr(1, close - 1);
        if (inside.empty() || !std::all_of(inside.begin(), inside.end(),
                                           [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; }))
            return false;
        host = host.substr(close + 1);
        return host.empty() || (host.front() == ':' && digits(host.substr(1)));
    }
    std::size_t colon = host.find(':');
    std::string_view name = host.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), name_character)) return false;
    if (colon == std::string_view::npos) return true;
    return digits(host.substr(colon + 1));
}

}  // namespace

std::optional<std::string> host_problem(const Request& request) {
    std::size_t fields = request.count(beast_http::field::host);
    if (fields > 1) return "a request has one Host header; this one has " + std::to_string(fields);
    if (fields == 0)
        return request.version() >= 11 ? std::optional<std::string>("an HTTP/1.1 request needs a Host header")
                                       : std::nullopt;
    if (!valid_host(request[beast_http::field::host]))
        return std::string("the Host header is not a host name or address with an optional port");
    return std::nullopt;
}

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

}  // namespace frontdoor::http
