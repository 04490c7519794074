#include "answer_request.hpp"

#include "body_codings.hpp"
#include "host_header.hpp"
#include "json_error.hpp"
#include "request_id.hpp"
#include "without_auth.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace frontdoor::http {

namespace {

Response routed(Service& service, const RouteTable& routes, const Request& request, RequestContext& context) {
    if (auto refusal = refuse_access(service, routes, request, context)) return std::move(*refusal);
    return routes.find(request.method(), target_path(request.target())).route->handler(service, request, context);
}

}  // namespace

std::optional<Response> refuse_access(Service& service, const RouteTable& routes, const Request& request,
                                      RequestContext& context) {
    if (auto problem = host_problem(request)) return error_response(request, beast_http::status::bad_request, *problem);
    if (auto refusal = coding_refusal(request)) return error_response(request, refusal->status, refusal->message);
    // Without authentication, what a web page the user has open sends is refused (without_auth.hpp).
    if (service.tokens.lets_anyone_in()) {
        if (auto why = refused_without_auth(request))
            return error_response(request, beast_http::status::forbidden, *why);
    }
    std::string_view path = target_path(request.target());
    auto match = routes.find(request.method(), path);
    if (!match.route) {
        if (match.allow.empty()) return error_response(request, beast_http::status::not_found, "no such route");
        Response response =
            error_response(request, beast_http::status::method_not_allowed, "this route answers " + match.allow);
        response.set(beast_http::field::allow, match.allow);
        return response;
    }
    context.route = match.route->pattern;
    context.path_param = std::move(match.param);
    switch (service.tokens.check(request[beast_http::field::authorization], match.route->role)) {
        case TokenTable::Verdict::allowed: {
            auto problem = check_query(*match.route, request.target());
            if (problem) return query_refusal(request, *match.route, *problem);
            return std::nullopt;
        }
        case TokenTable::Verdict::unauthenticated: {
            Response response = error_response(request, beast_http::status::unauthorized, "unauthorized");
            response.set(beast_http::field::www_authenticate, "Bearer");
            return response;
        }
        case TokenTable::Verdict::forbidden: return error_response(request, beast_http::status::forbidden, "forbidden");
    }
    return std::nullopt;
}

Response answer_request(Service& service, const RouteTable& routes, const Request& request) {
    RequestContext context;
    return answer_request(service, routes, request, context);
}

Response answer_request(Service& service, const RouteTable& routes, const Request& request, RequestContext& context) {
    auto start = std::chrono::steady_clock::now();
    context.request_id = request_id_for(request["X-Request-Id"]);
    context.route = "unrouted";
    Response response;
    try {
        response = routed(service, routes, request, context);
    } catch (const std::exception& error) {
        spdlog::error("request {}: internal error: {}", context.request_id, error.what());
        response = error_response(request, beast_http::status::internal_server_error, "internal error");
        context.finish = nullptr;
    }
    response.set("X-Request-Id", context.request_id);
    if (context.finish) {
        // The response finally sent (the handler's, or an error in its place) carries the id too,
        // and is the one counted.
        context.finish = [finish = std::move(context.finish), id = context.request_id, &service, route = context.route](
                             Response held, RequestContext::Send send) {
            finish(std::move(held), [send = std::move(send), id, &service, route](Response final_response) {
                final_response.set("X-Request-Id", id);
                service.metrics.requests.with({route, std::to_string(final_response.result_int())}).add();
                send(std::move(final_response));
            });
        };
    } else {
        service.metrics.requests.with({context.route, std::to_string(response.result_int())}).add();
    }
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    spdlog::debug("request {} {} {} {} {}us", context.request_id, std::string(request.method_string()), context.route,
                  response.result_int(), micros.count());
    return response;
}

}  // namespace frontdoor::http
