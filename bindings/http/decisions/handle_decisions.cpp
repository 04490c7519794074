// POST /v1/decisions (one contact) and POST /v1/decisions:batch (JSON lines, streamed): the answers
// `frontdoor eval` and `frontdoor eval --jsonl` print, byte for byte.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "http/shadow/shadow_mode.hpp"
#include "http/transport/stream_plan.hpp"
#include "pack_headers.hpp"
#include "record_decisions.hpp"

#include "frontdoor/batch.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

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

// ?explain=false leaves the explanation out, ?explain=compact writes it compact (eval --explain
// compact); the route's query (explain_parameter) is checked already.
void read_explain(const Request& request, DecideOptions& options) {
    const std::string explain = query_value(request.target(), "explain");
    options.explain = explain != "false";
    options.compact_explanation = explain == "compact";
}

const QueryParameter explain_parameter{
    "explain",
    false,
    {"false", "true", "compact"},
    "explain=false",
    "false leaves the explanation out (as eval --no-explain); compact writes each entry's fixed members as "
    "\"$ref\": K, an entry of GET /v1/pack/explanation-dictionary (as eval --explain compact), about half the "
    "bytes; true (the default) is the decision schema's form."};

// The engine's refusal for a body that is not JSON at all starts with these words (engine/input/read_input.cpp);
// such a body is a malformed request (400), not a contact the pack refuses (422).
bool not_json(const Decided& decided) { return decided.message.rfind("not valid JSON", 0) == 0; }

Response decide_one(Service& service, const Request& request, RequestContext& context) {
    if (media_type(request) != "application/json")
        return error_response(request, beast_http::status::unsupported_media_type,
                              "send one contact as Content-Type: application/json");
    if (request.body().empty())
        return error_response(request, beast_http::status::bad_request, "the body is empty; send one contact as JSON");
    DecideOptions options;
    read_explain(request, options);
    auto active = service.pack.current();
    auto start = std::chrono::steady_clock::now();
    Decided decided = active->pack->decide(request.body(), options);
    service.metrics.count_decision(decided, std::chrono::steady_clock::now() - start);
    // Shadow mode: the candidate decides it too, later, on its own thread (shadow_mode.hpp).
    if (service.shadow && !not_json(decided))
        service.shadow->offer(context.request_id, request.body(), decided, active->pack->digest(), options);
    Response response;
    if (decided.refused && not_json(decided)) {
        response = error_response(request, beast_http::status::bad_request, decided.message);
    } else if (decided.refused) {
        response = json_response(request, beast_http::status::unprocessable_entity, refusal_json(0, decided) + "\n");
    } else if (service.recorder) {
        // The record keeps the decision as decided; the answer is it and a line end.
        response = json_response(request, beast_http::status::ok, decided.json + "\n");
        record_before_sending(service, context, active->pack, {request.body(), std::move(decided.json)});
    } else {
        // Nothing keeps the decision but the answer: it takes the text (some 6 KB explained), uncopied.
        decided.json.push_back('\n');
        response = json_response(request, beast_http::status::ok, std::move(decided.json));
    }
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
std::variant<Response, StreamPlan> plan_many(Service& service, const Request& head, RequestContext& context) {
    if (!json_lines_type(media_type(head)))
        return error_response(head, beast_http::status::unsupported_media_type,
                              "send one contact a line as Content-Type: application/x-ndjson");
    BatchOptions options;
    read_explain(head, options.decide);
    auto active = service.pack.current();
    options.release_bytes = stream_release_bytes;
    options.threads = service.limits.batch_threads;
    // Shadow mode: each line the pack decided or refused is offered to the candidate as a single
    // request is, on whichever thread decided it; a full queue drops it, never holding the batch.
    if (service.shadow)
        options.observe = [shadow = service.shadow, request_id = context.request_id, digest = active->pack->digest(),
                           decide = options.decide](std::size_t line, std::string_view input, const Decided& decided) {
            if (!not_json(decided)) shadow->offer(request_id, std::string(input), decided, digest, decide, line);
        };
    StreamPlan plan;
    plan.head = Response{beast_http::status::ok, response_version};
    plan.head.set(beast_http::field::content_type, "application/x-ndjson");
    set_pack_headers(plan.head, *active->pack);
    plan.decide = [&service, pack = active->pack, options, version = head.version()](ReadBlock read,
                                                                                     const BatchSink& sink) {
        JsonLinesReader lines(std::move(read));
        // RECORD HOOK (--record, group commit): with a recorder, decide_batch hands each group of
        // decisions to batch_recorder, which waits (DecisionRecorder::record_and_wait) until the
        // group has committed, and only then gives the group's answers to the sink, which writes
        // them as one chunk. This runs on the batch's own thread (BatchPipe), never an I/O thread.
        BatchSink counted = [&service, &sink](std::string_view answers) {
            service.metrics.count_batch_answers(answers);
            sink(answers);
        };
        try {
            return decide_batch(*pack, lines, batch_recorder(service, pack), options, counted);
        } catch (const RecordError& error) {
            // Groups before this one are recorded and were written; this one was not recorded and
            // is not written. The stream ends with the 503's body as its last line (docs/service.md).
            Request shape{beast_http::verb::post, "/", version};
            shape.keep_alive(false);
            throw StreamStopped{not_recorded(shape, error)};
        }
    };
    return plan;
}

// The batch route for a caller holding the whole body: the same plan, its answers in one response.
Response decide_many(Service& service, const Request& request, RequestContext& context) {
    return answer_whole_body(plan_many(service, request, context), request);
}

}  // namespace

void add_decision_routes(RouteTable& routes) {
    routes.add({.method = beast_http::verb::post,
                .pattern = "/v1/decisions",
                .role = Role::decide,
                .handler = decide_one,
                .query = {explain_parameter}});
    routes.add({.method = beast_http::verb::post,
                .pattern = "/v1/decisions:batch",
                .role = Role::decide,
                .handler = decide_many,
                .batch_body = true,
                .stream = plan_many,
                .query = {explain_parameter}});
}

}  // namespace frontdoor::http
