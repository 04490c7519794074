#include "answer_bytes.hpp"

#include "http/answer_request.hpp"
#include "http/json_error.hpp"
#include "response_head.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

namespace frontdoor::http {

namespace {

Response refusal(beast_http::status status, std::string_view message) {
    Request request{beast_http::verb::get, "/", 11};
    request.keep_alive(false);
    return error_response(request, status, message);
}

// The bytes a session writes for `response` (session.cpp's send).
std::string serialize(Response& response) {
    response.prepare_payload();
    return response_head(response) + response.body();
}

// Feeds `bytes` to `parser` as a socket read would: stops at the end of the head when `head_only`.
// Returns the parser's error, or need_more when the bytes ran out first.
boost::beast::error_code feed(beast_http::request_parser<beast_http::string_body>& parser, std::string_view& bytes,
                              bool head_only) {
    boost::beast::error_code error;
    while (!bytes.empty() && !(head_only ? parser.is_header_done() : parser.is_done())) {
        std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), error);
        bytes.remove_prefix(used);
        if (error) return error;
        if (used == 0) break;
    }
    if (!(head_only ? parser.is_header_done() : parser.is_done())) return beast_http::error::need_more;
    return error;
}

Response refusal_for(boost::beast::error_code error) {
    if (error == beast_http::error::header_limit)
        return refusal(beast_http::status::request_header_fields_too_large, "the request head is too large");
    if (error == beast_http::error::body_limit)
        return refusal(beast_http::status::payload_too_large, "the body is larger than this route takes");
    if (error == beast_http::error::need_more)
        return refusal(beast_http::status::request_timeout, "the request did not arrive in time");
    return refusal(beast_http::status::bad_request, "not an HTTP/1.1 request");
}

}  // namespace

std::string answer_bytes(Service& service, const RouteTable& routes, std::string_view bytes) {
    beast_http::request_parser<beast_http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(service.limits.header_bytes));
    // A batch limit of 0 is none (the batch route streams its body).
    if (service.limits.batch_body_bytes == 0) parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    else parser.body_limit(std::max(service.limits.body_bytes, service.limits.batch_body_bytes));
    if (auto error = feed(parser, bytes, true)) {
        Response response = refusal_for(error);
        return serialize(response);
    }
    auto match = routes.find(parser.get().method(), target_path(parser.get().target()));
    std::size_t limit =
        match.route && match.route->batch_body ? service.limits.batch_body_bytes : service.limits.body_bytes;
    if (auto length = parser.content_length(); limit && length && *length > limit) {
        Response response = refusal_for(beast_http::error::body_limit);
        return serialize(response);
    }
    // A body longer than the bytes given never arrives: the server would wait for it and answer 408.
    // Said here before the parser is fed, since a string body reserves the whole Content-Length (the
    // server streams a batch body instead of holding it).
    if (auto length = parser.content_length(); length && *length > bytes.size()) {
        Response response = refusal_for(beast_http::error::need_more);
        return serialize(response);
    }
    if (limit) parser.body_limit(limit);
    else parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    parser.eager(true);
    if (auto error = feed(parser, bytes, false)) {
        Response response = refusal_for(error);
        return serialize(response);
    }
    Request request = parser.release();
    Response response = answer_request(service, routes, request);
    return serialize(response);
}

}  // namespace frontdoor::http
