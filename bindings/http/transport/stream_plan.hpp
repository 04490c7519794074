#pragma once
// A route whose body is streamed (POST /v1/decisions:batch): its handler sees only the request's
// head and answers with a refusal (415, say) or a plan: the response's head, sent before the first
// answers, and the work that turns the body into answers on the batch's own thread (batch_pipe.hpp).
// The session reads the body in pieces and writes the answers as chunks (session_stream.cpp).
#include "batch_pipe.hpp"
#include "http/http_types.hpp"
#include "http/service.hpp"

#include <functional>
#include <variant>

namespace frontdoor::http {

struct StreamPlan {
    Response head;  // status and headers; its body is not sent
    StreamDecide decide;
};

using StreamHandler = std::function<std::variant<Response, StreamPlan>(Service&, const Request& head, RequestContext&)>;

// A streamed route's answer for a caller holding the whole body (answer_bytes, the fuzz target's seam):
// the plan run over `request`'s body from memory, its answers gathered into one response with the
// plan's head; or the refusal it was planned or stopped with; a read failure (the body refused
// before any answer) is 400 with its reason.
Response answer_whole_body(std::variant<Response, StreamPlan> planned, const Request& request);

}  // namespace frontdoor::http
