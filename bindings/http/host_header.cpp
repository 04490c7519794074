#include "host_header.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace frontdoor::http {

namespace {

// Only digits, or nothing (RFC 3986's port is *DIGIT).
bool digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// RFC 3986's reg-name: unreserved, percent-encoded and sub-delims characters.
bool name_character(unsigned char c) {
    return std::isalnum(c) || std::string_view("-._~%!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
}

// A Host value's host, by RFC 3986's uri-host [ ":" port ]: the name or IPv4 address, or the IPv6
// address without its brackets (`bracketed`). Nothing for a malformed value; an empty host for an
// empty value (RFC 9112 3.2: a target without an authority).
struct HostPart {
    std::string_view host;
    bool bracketed = false;
};

std::optional<HostPart> split_host(std::string_view value) {
    if (!value.empty() && value.front() == '[') {
        std::size_t close = value.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view inside = value.substr(1, close - 1);
        std::string_view rest = value.substr(close + 1);
        bool address_characters = std::all_of(inside.begin(), inside.end(),
                                              [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; });
        if (inside.empty() || !address_characters || !(rest.empty() || (rest.front() == ':' && digits(rest.substr(1)))))
            return std::nullopt;
        return HostPart{inside, true};
    }
    std::size_t colon = value.find(':');
    std::string_view name = value.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), name_character)) return std::nullopt;
    if (colon != std::string_view::npos && !digits(value.substr(colon + 1))) return std::nullopt;
    return HostPart{name, false};
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

std::optional<std::string> host_problem(const Request& request) {
    std::size_t fields = request.count(beast_http::field::host);
    if (fields > 1) return "a request has one Host header; this one has " + std::to_string(fields);
    if (fields == 0)
        return request.version() >= 11 ? std::optional<std::string>("an HTTP/1.1 request needs a Host header")
                                       : std::nullopt;
    if (!split_host(request[beast_http::field::host]))
        return std::string("the Host header is not a host name or address with an optional port");
    return std::nullopt;
}

bool addressed_to_loopback(std::string_view value) {
    if (value.empty()) return true;
    auto part = split_host(value);
    if (!part || part->host.empty()) return false;
    if (part->bracketed) return loopback_address(part->host, true);
    std::string_view last_label = part->host.substr(part->host.rfind('.') + 1);
    if (!last_label.empty() && digits(last_label)) return loopback_address(part->host, false);  // an IPv4 address
    return loopback_name(std::string(part->host));
}

}  // namespace frontdoor::http
