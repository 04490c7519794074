// The one check of a request's query (routes.hpp, Route::query): every route says which parameters
// it takes, and refuse_access (answer_request.cpp) refuses any other before the handler runs, so
// that a typo (?explian=false) is a 400 naming it, never silently ignored.
#include "json_error.hpp"
#include "routes.hpp"

#include "frontdoor/diagnostic.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace frontdoor::http {

namespace {

// A name as given, cut short: the 400 quotes it (the JSON writer escapes what it holds).
std::string quoted(std::string_view name) {
    constexpr std::size_t longest = 64;
    return "'" + std::string(name.substr(0, longest)) + (name.size() > longest ? "...'" : "'");
}

std::string takes(const Route& route) {
    if (route.query.empty()) return "this route takes no query parameter";
    std::string out = "this route takes ";
    for (std::size_t i = 0; i < route.query.size(); ++i) {
        if (i > 0) out += i + 1 == route.query.size() ? " and " : ", ";
        out += route.query[i].name;
    }
    return out;
}

std::string one_of(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
    return out;
}

// A value given: percent-decoded, then one of the parameter's values, or any text but none.
std::optional<QueryProblem> check_value(const QueryParameter& parameter, std::string_view raw) {
    std::string value;
    bool decoded = percent_decode(raw, value);
    if (parameter.values.empty()) {
        if (decoded && !value.empty()) return std::nullopt;
        return QueryProblem{"give " + parameter.usage + ", percent-encoded", parameter.name};
    }
    if (decoded && std::find(parameter.values.begin(), parameter.values.end(), value) != parameter.values.end())
        return std::nullopt;
    return QueryProblem{parameter.name + " is " + one_of(parameter.values) + ", nothing else", parameter.name};
}

}  // namespace

std::optional<QueryProblem> check_query(const Route& route, std::string_view target) {
    auto given = query_parameters(target);
    for (std::size_t i = 0; i < given.size(); ++i) {
        std::string_view name = given[i].first;
        auto parameter = std::find_if(route.query.begin(), route.query.end(),
                                      [&](const QueryParameter& p) { return p.name == name; });
        if (parameter == route.query.end()) {
            std::vector<std::string> names;
            for (const auto& p : route.query) names.push_back(p.name);
            return QueryProblem{"unknown query parameter " + quoted(name) + did_you_mean(std::string(name), names) +
                                    "; " + takes(route),
                                std::string(name)};
        }
        for (std::size_t j = 0; j < i; ++j)
            if (given[j].first == name)
                return QueryProblem{"the query gives " + parameter->name + " twice; give it once", parameter->name};
    }
    for (const auto& parameter : route.query) {
        auto value = query_parameter(target, parameter.name);
        if (!value && parameter.required)
            return QueryProblem{"give " + parameter.usage + ", percent-encoded", parameter.name};
        if (value)
            if (auto problem = check_value(parameter, *value)) return problem;
    }
    return std::nullopt;
}

Response query_refusal(const Request& request, const Route& route, const QueryProblem& problem) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& parameter : route.query) names.push_back(parameter.name);
    nlohmann::json body = {{"error",
                            {{"status", 400},
                             {"message", problem.message},
                             {"parameter", problem.parameter},
                             {"takes", std::move(names)}}}};
    return json_response(request, beast_http::status::bad_request,
                         body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::string query_value(std::string_view target, std::string_view name) {
    std::string value;
    if (auto raw = query_parameter(target, name)) percent_decode(*raw, value);
    return value;
}

}  // namespace frontdoor::http
