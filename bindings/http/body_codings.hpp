#pragma once
// The codings a request's body may come in. Frontdoor reads a body's bytes as they come: it takes
// no content coding (Content-Encoding other than identity) and no transfer coding but chunked, and
// says so, where a gzip body would otherwise be refused as "not valid JSON" and a plain one that
// claims a coding decided as if it said nothing.
#include "http/http_types.hpp"

#include <optional>
#include <string>

namespace frontdoor::http {

struct CodingRefusal {
    beast_http::status status;
    std::string message;
};

// Why `request`'s body cannot be read as sent, or nothing:
// - 415: a Content-Encoding other than identity;
// - 400: a Transfer-Encoding that does not end in chunked, or names chunked twice: the body's
//   length cannot be told (RFC 9112 6.3; Beast reads no body then, and the connection is closed);
// - 501: a transfer coding other than chunked (and identity) before it, such as gzip (RFC 9112 6.1).
std::optional<CodingRefusal> coding_refusal(const Request& request);

}  // namespace frontdoor::http
