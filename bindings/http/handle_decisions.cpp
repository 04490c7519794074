// POST /v1/decisions (one contact) and POST /v1/decisions:batch (JSON lines, streamed): the answers
// `frontdoor eval` and `frontdoor eval --jsonl` print, byte for byte.
#include "json_error.hpp"
#include "pack_headers.hpp"
#include "routes.hpp"

#include "frontdoor/batch.hpp"

#include <algorithm>
#include <cctype>

namespace frontdoor::http {

namespace {

// The media type of the request, lowercased, without parameters such as "; charset=utf-8".
std::string media_type(const Request& request) {
    std::string_view value = request[beast_http::field::content_type];
    value = value.substr(0, value.find(';'));
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    std::string type(value);
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return type;
}

DecideOptions decide_options(const Request& request) {
    DecideOptions options;
    options.explain = query_parameter(request.target(), "explain") != std::string_view("false");
    return options;
}

// The engine's refusal for a body that is not JSON at all starts with these words (engine/input/read_input.cpp);
// such a body is a malformed request (400), not a contact the pack refuses (422).
bool not_json(const Decided& decided) { return decided.message.rfind("not valid JSON", 0) == 0; }

Response decide_one(Service& service, const Request& request, RequestContext&) {
    if (media_type(request) != "application/json")
        return error_response(request, beast_http::status::unsupported_media_type,
                              "send one contact as Content-Type: application/json");
    if (request.body().empty())
        return error_response(request, beast_http::status::bad_request, "the body is empty; send one contact as JSON");
    auto active = service.pack.current();
    Decided decided = active->pack->decide(request.body(), decide_options(request));
    Response response;
    if (!decided.refused) response = json_response(request, beast_http::status::ok, decided.json + "\n");
    else if (not_json(decided)) response = error_response(request, beast_http::status::bad_request, decided.message);
    else response = json_response(request, beast_http::status::unprocessable_entity, refusal_json(0, decided) + "\n");
    set_pack_headers(response, *active->pack);
    return response;
}

bool json_lines_type(const std::string& type) {
    return type == "application/x-ndjson" || type == "application/jsonl" || type == "application/json-lines" ||
           type == "application/x-jsonlines";
}

// Answers are handed on in groups of about this many bytes: what a streamed batch holds of its
// answers while they are written.
constexpr std::size_t stream_release_bytes = 256 << 10;

// The body streams through the same JsonLinesReader and decide_batch as `eval --jsonl`, so that
// lines are split, skipped and refused alike, on the batch's own thread (batch_pipe.hpp).
std::variant<Response, StreamPlan> decide_many(Service& service, const Request& head, RequestContext&) {
    if (!json_lines_type(media_type(head)))
        return error_response(head, beast_http::status::unsupported_media_type,
                              "send one contact a line as Content-Type: application/x-ndjson");
    auto active = service.pack.current();
    BatchOptions options;
    options.decide = decide_options(head);
    options.release_bytes = stream_release_bytes;
    StreamPlan plan;
    plan.head = Response{beast_http::status::ok, head.version()};
    plan.head.set(beast_http::field::content_type, "application/x-ndjson");
    set_pack_headers(plan.head, *active->pack);
    plan.decide = [pack = active->pack, options](ReadBlock read, const BatchSink& sink) {
        JsonLinesReader lines(std::move(read));
        // RECORD HOOK (--record, group commit): the one place a streamed batch's decisions would be
        // recorded. With a log, decide_batch appends each group of decisions and hands the group's
        // answers to the sink (which writes them as one chunk) only after it has committed. This
        // runs on the batch's own thread, so waiting here for a group commit blocks no I/O thread.
        DecisionLog* log = nullptr;
        return decide_batch(*pack, lines, log, options, sink);
    };
    return plan;
}

}  // namespace

void add_decision_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/decisions", Role::decide, decide_one});
    routes.add({beast_http::verb::post, "/v1/decisions:batch", Role::decide, nullptr, true, decide_many});
}

}  // namespace frontdoor::http
