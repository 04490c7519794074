#pragma once
// The bytes of a response's head (status line, fields, blank line), as Boost.Beast's serializer
// writes them, in one string. A session sends it and the body as two buffers in one gather write:
// Beast's serializer hands the socket a view of many buffers (the status line, each field, the
// ends), and walking that view took about a tenth of the service's user time under load
// (docs/performance.md). Beast's serializer stays the reference: fuzz_http_response_head compares
// the two on arbitrary responses, and the service's fuzzers parse every answer with Beast.
#include "http/http_types.hpp"

#include <string>

namespace frontdoor::http {

// "HTTP/1.1 200 OK\r\n", then each field as "Name: value\r\n" in the order they were set, then
// "\r\n". For a response whose body follows as it is (Content-Length, or none with Connection:
// close): a chunked one is not this function's (its body is framed by the serializer).
std::string response_head(const Response& response);

}  // namespace frontdoor::http
