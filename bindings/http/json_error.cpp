#include "json_error.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::http {

std::string error_json(unsigned status, std::string_view message) {
    nlohmann::json body = {{"error", {{"status", status}, {"message", std::string(message)}}}};
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Response json_response(const Request& request, beast_http::status status, std::string body) {
    Response response{status, response_version};
    response.set(beast_http::field::content_type, "application/json");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response error_response(const Request& request, beast_http::status status, std::string_view message) {
    return json_response(request, status, error_json(static_cast<unsigned>(status), message));
}

}  // namespace frontdoor::http
