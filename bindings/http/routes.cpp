#include "routes.hpp"

#include <boost/beast/http/verb.hpp>

namespace frontdoor::http {

namespace {

// Whether `path` matches `pattern`, setting `param` for a pattern ending in "/{id}".
bool matches(std::string_view pattern, std::string_view path, std::string& param) {
    constexpr std::string_view slot = "{id}";
    if (pattern.size() < slot.size() || pattern.substr(pattern.size() - slot.size()) != slot) return pattern == path;
    std::string_view prefix = pattern.substr(0, pattern.size() - slot.size());
    if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return false;
    std::string_view rest = path.substr(prefix.size());
    if (rest.find('/') != std::string_view::npos) return false;
    param = std::string(rest);
    return true;
}

}  // namespace

RouteTable make_routes() {
    RouteTable routes;
    add_health_routes(routes);
    add_decision_routes(routes);
    add_pack_routes(routes);
    add_audit_routes(routes);
    add_reload_routes(routes);
    add_shadow_routes(routes);
    add_metrics_routes(routes);
    add_openapi_routes(routes);
    add_workspace_routes(routes);
    return routes;
}

RouteTable::Match RouteTable::find(beast_http::verb method, std::string_view path) const {
    Match match;
    for (const auto& route : routes_) {
        std::string param;
        if (!matches(route.pattern, path, param)) continue;
        if (route.method == method) {
            match.route = &route;
            match.param = std::move(param);
            return match;
        }
        if (!match.allow.empty()) match.allow += ", ";
        match.allow += std::string(beast_http::to_string(route.method));
    }
    return match;
}

std::string_view target_path(std::string_view target) { return target.substr(0, target.find('?')); }

std::optional<std::string_view> query_parameter(std::string_view target, std::string_view name) {
    auto question = target.find('?');
    if (question == std::string_view::npos) return std::nullopt;
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        auto equals = pair.find('=');
        if (pair.substr(0, equals) == name)
            return equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
        if (amp == std::string_view::npos) break;
        query = query.substr(amp + 1);
    }
    return std::nullopt;
}

std::vector<std::pair<std::string_view, std::string_view>> query_parameters(std::string_view target) {
    std::vector<std::pair<std::string_view, std::string_view>> parameters;
    auto question = target.find('?');
    if (question == std::string_view::npos) return parameters;
    std::string_view query = target.substr(question + 1);
    while (true) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        auto equals = pair.find('=');
        if (!pair.empty())
            parameters.emplace_back(pair.substr(0, equals),
                                    equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1));
        if (amp == std::string_view::npos) return parameters;
        query = query.substr(amp + 1);
    }
}

bool percent_decode(std::string_view text, std::string& out) {
    auto digit = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return false;
        int high = digit(text[i + 1]), low = digit(text[i + 2]);
        if (high < 0 || low < 0) return false;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return true;
}

}  // namespace frontdoor::http
