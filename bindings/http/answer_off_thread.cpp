#include "answer_off_thread.hpp"

#include "json_error.hpp"

#include <spdlog/spdlog.h>

#include <system_error>
#include <thread>

namespace frontdoor::http {

void answer_off_thread(const Request& request, RequestContext& context, std::function<Response()> work) {
    context.finish = [request, id = context.request_id, work = std::move(work)](Response,
                                                                                RequestContext::Send send) mutable {
        auto answer = [request, id, work = std::move(work), send]() mutable {
            Response response;
            try {
                response = work();
            } catch (const std::exception& error) {
                spdlog::error("request {}: internal error: {}", id, error.what());
                response = error_response(request, beast_http::status::internal_server_error, "internal error");
            }
            send(std::move(response));
        };
        try {
            // Detached, as a streamed batch's thread is: the session waits for this answer, and
            // nothing here touches the service once it is sent.
            std::thread(std::move(answer)).detach();
        } catch (const std::system_error& error) {
            spdlog::error("request {}: no thread to answer it: {}", id, error.what());
            Response busy = error_response(request, beast_http::status::service_unavailable,
                                           "the server is out of threads; try again");
            busy.set(beast_http::field::retry_after, "1");
            busy.prepare_payload();
            send(std::move(busy));
        }
    };
}

}  // namespace frontdoor::http
