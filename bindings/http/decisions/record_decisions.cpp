#include "record_decisions.hpp"

#include "http/json_error.hpp"

namespace frontdoor::http {

namespace {

constexpr std::string_view busy_message = "the decision log is busy; nothing was decided or recorded, try again";
constexpr std::string_view failed_message =
    "the decision could not be recorded in the decision log, so it is not given; try again later";

// A 503 for an HTTP `version` and `keep_alive`. The log's own error is in the server's log, not in
// the answer: it names files on the server.
Response unavailable(unsigned version, bool keep_alive, std::string_view message) {
    Response response{beast_http::status::service_unavailable, version};
    response.set(beast_http::field::content_type, "application/json");
    response.set(beast_http::field::retry_after, "1");
    response.keep_alive(keep_alive);
    response.body() = error_json(503, message);
    response.prepare_payload();
    return response;
}

}  // namespace

void record_before_sending(Service& service, RequestContext& context, std::shared_ptr<const Pack> pack,
                           DecisionLog::Entry entry) {
    if (!service.recorder) return;
    context.finish = [recorder = service.recorder.get(), pack = std::move(pack), entry = std::move(entry)](
                         Response held, RequestContext::Send send) mutable {
        unsigned version = held.version();
        bool keep_alive = held.keep_alive();
        std::vector<DecisionLog::Entry> entries;
        entries.push_back(std::move(entry));
        auto committed = [held = std::move(held), send](DecisionRecorder::Outcome outcome) mutable {
            if (!outcome.ok()) return send(unavailable(held.version(), held.keep_alive(), failed_message));
            held.set(record_id_header, std::to_string(outcome.ids.at(0)));
            send(std::move(held));
        };
        if (!recorder->submit(std::move(pack), std::move(entries), std::move(committed)))
            send(unavailable(version, keep_alive, busy_message));
    };
}

BatchRecorder batch_recorder(Service& service, std::shared_ptr<const Pack> pack) {
    if (!service.recorder) return {};
    return [recorder = service.recorder.get(), pack = std::move(pack), wait = service.limits.request_deadline](
               const Pack&, std::vector<DecisionLog::Entry> entries) {
        recorder->record_and_wait(pack, std::move(entries), wait);
    };
}

Response not_recorded(const Request& request, const RecordError& error) {
    Response response =
        error_response(request, beast_http::status::service_unavailable, error.busy() ? busy_message : failed_message);
    response.set(beast_http::field::retry_after, "1");
    return response;
}

}  // namespace frontdoor::http
