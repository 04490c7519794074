#pragma once
// Request ids: every response carries X-Request-Id, and every log line about a request names it.
#include <string>
#include <string_view>

namespace frontdoor::http {

// `incoming` (a client's X-Request-Id) when it is a safe short token, 1 to 64 of A-Z a-z 0-9 . _ -;
// otherwise a new id of 16 random hex digits. Thread-safe.
std::string request_id_for(std::string_view incoming);

}  // namespace frontdoor::http
