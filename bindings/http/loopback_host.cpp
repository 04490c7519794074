#include "loopback_host.hpp"

#include <boost/asio/ip/address.hpp>

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

}  // namespace frontdoor::http
