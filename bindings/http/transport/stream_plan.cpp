#include "stream_plan.hpp"

#include "http/json_error.hpp"

#include <algorithm>
#include <cstring>

namespace frontdoor::http {

Response answer_whole_body(std::variant<Response, StreamPlan> planned, const Request& request) {
    if (auto* refusal = std::get_if<Response>(&planned)) return std::move(*refusal);
    auto& plan = std::get<StreamPlan>(planned);
    const std::string& body = request.body();
    std::size_t offset = 0;
    std::string answers;
    try {
        BatchSummary summary = plan.decide(
            [&body, &offset](char* into, std::size_t size) {
                std::size_t n = std::min(size, body.size() - offset);
                std::memcpy(into, body.data() + offset, n);
                offset += n;
                return n;
            },
            [&answers](std::string_view part) { answers += part; });
        if (summary.read_failure)
            return error_response(request, beast_http::status::bad_request, *summary.read_failure);
    } catch (StreamStopped& stopped) {
        stopped.refusal.keep_alive(request.keep_alive());
        return std::move(stopped.refusal);
    }
    Response response = std::move(plan.head);
    response.keep_alive(request.keep_alive());
    response.body() = std::move(answers);
    response.prepare_payload();
    return response;
}

}  // namespace frontdoor::http
