#pragma once
// Error responses, every one with a JSON body:
//   {"error": {"status": 413, "message": "the body is larger than 4194304 bytes"}}
// and for a refused contact the words the CLI prints (frontdoor::refusal_json):
//   {"error": {"path": "/child/birth_date", "message": "..."}}
#include "http_types.hpp"

#include <string_view>

namespace frontdoor::http {

std::string error_json(unsigned status, std::string_view message);
// A response with `status`, the error body above, HTTP/1.1 and the request's keep-alive.
Response error_response(const Request& request, beast_http::status status, std::string_view message);
// A JSON response (content type application/json) with `body`.
Response json_response(const Request& request, beast_http::status status, std::string body);

}  // namespace frontdoor::http
