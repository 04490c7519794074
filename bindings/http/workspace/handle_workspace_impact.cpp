// POST /v1/workspace:impact: what the edited pack changes against the published one, as `frontdoor
// replay --contacts FILE --rules OLD --with-rules NEW --format json` (or `--log LOG`) tells, for the
// workspace's Impact view. The body is JSON lines (application/x-ndjson): its first line the
// request, {"path"?, "text"?} (the open file's unsaved text in place, as workspace:test takes it),
// then one contact a line; or the first line {"log": true, "from"?, "to"?, "path"?, "text"?} alone,
// to assess the service's own decision log (--record). The answer is JSON lines too: a
// {"progress": {"lines": N}} every 500 lines of contacts and at their end, as the assessment
// reports them (frontdoor::ImpactProgress), then one {"report": impact_json}.
#include "http/decisions/decision_recorder.hpp"
#include "http/decisions/pack_headers.hpp"
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "workspace_json.hpp"

#include "frontdoor/edit_pack.hpp"
#include "frontdoor/replay.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace frontdoor::http {

namespace {

using nlohmann::json;

// Lines of contacts between two progress lines.
constexpr std::size_t progress_lines = 500;

// The old side of the comparison: the pack the service decides with (GET /v1/pack). The one place
// that says so, should the published pack come to be another.
std::shared_ptr<const Pack> published_pack(const Service& service) { return service.pack.current()->pack; }

struct ImpactRequest {
    json body;
    std::shared_ptr<const Pack> edited;
};

Request shape_of(unsigned version) {
    Request shape{beast_http::verb::post, "/", version};
    shape.keep_alive(false);
    return shape;
}

[[noreturn]] void refuse(unsigned version, beast_http::status status, const std::string& message) {
    throw StreamStopped{error_response(shape_of(version), status, message)};
}

// The body's first line, the request, as the reader gives it (the reader then stands at the
// contacts); throws StreamStopped (400) when it is blank or cannot be read.
std::string request_line(JsonLinesReader& body, unsigned version) {
    JsonLine line;
    if (!body.next(line) || line.number != 1)
        refuse(version, beast_http::status::bad_request,
               "line 1: give the request as a JSON object, {\"path\", \"text\"} or {\"log\": true}, then the contacts");
    if (!line.refusal.empty()) refuse(version, beast_http::status::bad_request, "line 1: " + line.refusal);
    return std::string(line.text);
}

// The request line read, and the edited pack loaded; throws StreamStopped (400, 422) otherwise.
ImpactRequest read_request(const Workspace& workspace, const std::string& line, unsigned version) {
    ImpactRequest request;
    JsonObjectProblem problem;
    request.body = read_json_object(line, problem);
    if (problem.kind == JsonObjectProblem::Kind::nests_too_deep ||
        problem.kind == JsonObjectProblem::Kind::field_repeated)
        refuse(version, beast_http::status::bad_request, "line 1 " + describe(problem));
    if (problem)
        refuse(version, beast_http::status::bad_request,
               "line 1: give the request as a JSON object, {\"path\", \"text\"} or {\"log\": true}, then the contacts");
    auto log = request.body.find("log");
    if (log != request.body.end() && !log->is_boolean())
        refuse(version, beast_http::status::bad_request, "line 1 /log: give true or false");
    for (const char* bound : {"from", "to"}) {
        auto found = request.body.find(bound);
        if (found != request.body.end() && !found->is_string())
            refuse(version, beast_http::status::bad_request,
                   std::string("line 1 /") + bound + ": give a UTC date or time as a string");
    }
    LoadResult loaded;
    if (request.body.contains("path") || request.body.contains("text")) {
        Request edit_shape = shape_of(version);
        edit_shape.body() = line;
        EditRequest edit = read_edit_request(edit_shape, true);
        if (edit.refusal) {
            std::string message = json::parse(edit.refusal->body(), nullptr, false)["error"]["message"];
            refuse(version, beast_http::status::bad_request, "line 1 " + message);
        }
        loaded = load_edited_pack(workspace.pack_dir, edit.path, std::move(edit.text));
    } else {
        loaded = Pack::load_directory(workspace.pack_dir);
    }
    if (!loaded.pack) {
        json body = {{"error", {{"status", 422}, {"message", "the pack has errors: fix them to see the impact"}}},
                     {"diagnostics", diagnostics_json(workspace, loaded.diagnostics)}};
        throw StreamStopped{workspace_json(shape_of(version), beast_http::status::unprocessable_entity, body)};
    }
    request.edited = std::move(loaded.pack);
    return request;
}

std::string report_line(const ImpactReport& report) { return "{\"report\":" + impact_json(report) + "}\n"; }

ImpactReport log_impact(const Service& service, const ImpactRequest& request, unsigned version) {
    if (!service.recorder)
        refuse(version, beast_http::status::conflict,
               "this workspace keeps no decision log: start it with --record LOG to assess one");
    RecordFilter filter{std::nullopt, std::nullopt, request.body.value("from", ""), request.body.value("to", "")};
    if (std::string problem = time_bounds_problem(filter); !problem.empty())
        refuse(version, beast_http::status::bad_request, "line 1: " + problem);
    try {
        return service.recorder->read([&](const DecisionLog& log) {
            return assess_log_impact(log, filter, *request.edited, service.limits.batch_threads);
        });
    } catch (const std::runtime_error& error) {
        // The log's own words name the file and the problem, never a contact.
        spdlog::error("workspace impact: cannot read the decision log: {}", error.what());
        refuse(version, beast_http::status::service_unavailable, "cannot read the decision log; try again");
    }
}

BatchSummary assess(Service& service, const Workspace& workspace, unsigned version, ReadBlock read,
                    const BatchSink& sink) {
    JsonLinesReader body(std::move(read));
    BatchSummary summary;
    try {
        ImpactRequest request = read_request(workspace, request_line(body, version), version);
        if (request.body.value("log", false)) {
            if (JsonLine contact; body.next(contact))
                refuse(version, beast_http::status::bad_request,
                       "line " + std::to_string(contact.number) +
                           ": with {\"log\": true} the request is the only line; send no contacts");
            sink(report_line(log_impact(service, request, version)));
            return summary;
        }
        ImpactProgress progress{
            [&sink](std::size_t lines) { sink("{\"progress\":{\"lines\":" + std::to_string(lines) + "}}\n"); },
            progress_lines};
        ImpactReport report = assess_contacts_impact(body, *published_pack(service), *request.edited,
                                                     service.limits.batch_threads, 1, progress);
        summary.decided = report.compared;
        sink(report_line(report));
    } catch (const ReadError& error) {
        summary.read_failure = error.what();
    }
    return summary;
}

bool json_lines(const Request& head) {
    std::string_view type = head[beast_http::field::content_type];
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    return type == "application/x-ndjson";
}

std::variant<Response, StreamPlan> plan_impact(Service& service, const Request& head, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, head, refusal);
    if (!workspace) return refusal;
    if (!json_lines(head))
        return error_response(head, beast_http::status::unsupported_media_type,
                              "send the request and then one contact a line as Content-Type: application/x-ndjson");
    StreamPlan plan;
    plan.head = Response{beast_http::status::ok, response_version};
    plan.head.set(beast_http::field::content_type, "application/x-ndjson");
    set_pack_headers(plan.head, *published_pack(service));
    plan.decide = [&service, workspace, version = head.version()](ReadBlock read, const BatchSink& sink) {
        return assess(service, *workspace, version, std::move(read), sink);
    };
    return plan;
}

// For a caller holding the whole body (answer_bytes): the same plan, its lines gathered.
Response impact_whole(Service& service, const Request& request, RequestContext& context) {
    return answer_whole_body(plan_impact(service, request, context), request);
}

}  // namespace

void add_workspace_impact_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:impact", Role::decide, impact_whole, true, plan_impact});
}

}  // namespace frontdoor::http
