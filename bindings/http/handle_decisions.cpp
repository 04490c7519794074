// POST /v1/decisions (one contact) and POST /v1/decisions:batch (JSON lines): the answers
// `frontdoor eval` and `frontdoor eval --jsonl` print, byte for byte.
#include "json_error.hpp"
#include "pack_headers.hpp"
#include "record_decisions.hpp"
#include "routes.hpp"
#include "shadow_mode.hpp"

#include "frontdoor/batch.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>

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

Response decide_one(Service& service, const Request& request, RequestContext& context) {
    if (media_type(request) != "application/json")
        return error_response(request, beast_http::status::unsupported_media_type,
                              "send one contact as Content-Type: application/json");
    if (request.body().empty())
        return error_response(request, beast_http::status::bad_request, "the body is empty; send one contact as JSON");
    auto active = service.pack.current();
    DecideOptions options = decide_options(request);
    auto start = std::chrono::steady_clock::now();
    Decided decided = active->pack->decide(request.body(), options);
    service.metrics.count_decision(decided, std::chrono::steady_clock::now() - start);
    // Shadow mode: the candidate decides it too, later, on its own thread (shadow_mode.hpp).
    if (service.shadow && !not_json(decided))
        service.shadow->offer(context.request_id, request.body(), decided, active->pack->digest(), options);
    Response response;
    if (!decided.refused) response = json_response(request, beast_http::status::ok, decided.json + "\n");
    else if (not_json(decided)) response = error_response(request, beast_http::status::bad_request, decided.message);
    else response = json_response(request, beast_http::status::unprocessable_entity, refusal_json(0, decided) + "\n");
    set_pack_headers(response, *active->pack);
    if (!decided.refused) record_before_sending(service, context, active->pack, {request.body(), std::move(decided.json)});
    return response;
}

bool json_lines_type(const std::string& type) {
    return type == "application/x-ndjson" || type == "application/jsonl" || type == "application/json-lines" ||
           type == "application/x-jsonlines";
}

// The whole body is held (bounded by ServiceLimits::batch_body_bytes) and read through the same
// JsonLinesReader as `eval --jsonl`, so that lines are split, skipped and refused alike.
Response decide_many(Service& service, const Request& request, RequestContext&) {
    if (!json_lines_type(media_type(request)))
        return error_response(request, beast_http::status::unsupported_media_type,
                              "send one contact a line as Content-Type: application/x-ndjson");
    auto active = service.pack.current();
    const std::string& body = request.body();
    std::size_t offset = 0;
    JsonLinesReader lines([&body, &offset](char* into, std::size_t size) {
        std::size_t n = std::min(size, body.size() - offset);
        std::memcpy(into, body.data() + offset, n);
        offset += n;
        return n;
    });
    BatchOptions options;
    options.decide = decide_options(request);
    std::string answers;
    try {
        decide_batch(*active->pack, lines, batch_recorder(service, active->pack), options,
                     [&answers](std::string_view group) { answers += group; });
    } catch (const RecordError& error) {
        // Groups before this one are recorded, but none of the batch is acknowledged: a client
        // resends the batch, and the log may then hold those decisions twice (docs/service.md).
        return not_recorded(request, error);
    }
    Response response = json_response(request, beast_http::status::ok, std::move(answers));
    response.set(beast_http::field::content_type, "application/x-ndjson");
    set_pack_headers(response, *active->pack);
    return response;
}

}  // namespace

void add_decision_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/decisions", Role::decide, decide_one});
    routes.add({beast_http::verb::post, "/v1/decisions:batch", Role::decide, decide_many, true});
}

}  // namespace frontdoor::http
