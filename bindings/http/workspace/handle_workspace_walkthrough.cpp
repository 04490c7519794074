// POST /v1/workspace:walkthrough {"scenario": P} or {"contact": {...}}, with "what_if": [{"field",
// "value"}]: what `frontdoor walkthrough --format md [--what-if PATH=VALUE ...]` tells, for the
// trainer's view: the steps, the what-if comparison and the Markdown handout, from the pack as it
// is on disk. A contact the pack refuses, before or after the what-ifs, is 422 with its JSON path.
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "http/service.hpp"
#include "walkthrough_json.hpp"
#include "workspace_case.hpp"
#include "workspace_json.hpp"

#include "frontdoor/batch.hpp"
#include "frontdoor/display_text.hpp"

namespace frontdoor::http {

namespace {

using nlohmann::json;

struct WalkthroughRequest {
    WalkthroughInput input;
    std::vector<std::string> what_ifs;  // "PATH=VALUE", as `--what-if` takes them
    std::optional<Response> refusal;
};

// The what-ifs as the CLI's assignments: {"field": "/child/x", "value": true} is /child/x=true,
// {"field": ..., "absent": true} removes the fact.
std::string read_what_ifs(const json& body, std::vector<std::string>& out) {
    auto list = body.find("what_if");
    if (list == body.end()) return "";
    if (!list->is_array()) return "/what_if: give a list of {\"field\", \"value\"}";
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        std::string at = "/what_if/" + std::to_string(i);
        if (!item.is_object() || !item.contains("field") || !item["field"].is_string())
            return at + "/field: give the fact's JSON pointer as a string";
        bool absent = item.value("absent", false);
        if (!absent && !item.contains("value")) return at + "/value: give the fact's new value, or \"absent\": true";
        out.push_back(item["field"].get<std::string>() + "=" + (absent ? "absent" : item["value"].dump()));
    }
    return "";
}

WalkthroughRequest read_request(const Service& service, const Workspace& workspace, const Request& request) {
    WalkthroughRequest out;
    auto refuse = [&](beast_http::status status, const std::string& message) {
        out.refusal = error_response(request, status, message);
        return std::move(out);
    };
    JsonObjectProblem problem;
    json body = read_json_object(request.body(), problem);
    if (problem) return refuse(beast_http::status::bad_request, "the body " + describe(problem));
    if (std::string what_ifs = read_what_ifs(body, out.what_ifs); !what_ifs.empty())
        return refuse(beast_http::status::bad_request, what_ifs);
    WorkspaceCase asked = read_workspace_case(service, workspace, request, body);
    out.input = std::move(asked.input);
    out.refusal = std::move(asked.refusal);
    return out;
}

// The refusal as POST /v1/decisions answers it (the CLI's words, with the JSON path), marked with
// which side of the what-ifs refused it.
Response refusal_answer(const Request& request, const Pack& pack, const std::string& contact, bool after_what_ifs) {
    json body = json::parse(refusal_json(0, pack.decide(contact)));
    body["error"]["what_if"] = after_what_ifs;
    return workspace_json(request, beast_http::status::unprocessable_entity, body);
}

Response walk_through_case(Service& service, const Request& request, RequestContext&) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    WalkthroughRequest asked = read_request(service, *workspace, request);
    if (asked.refusal) return *asked.refusal;
    LoadResult loaded = Pack::load_directory(workspace->pack_dir);
    if (!loaded.pack) {
        json body = {{"error", {{"status", 422}, {"message", "the pack has errors: fix them to walk through a case"}}},
                     {"diagnostics", diagnostics_json(*workspace, loaded.diagnostics)}};
        return workspace_json(request, beast_http::status::unprocessable_entity, body);
    }
    const Pack& pack = *loaded.pack;
    const WalkthroughInput& input = asked.input;
    Walkthrough before = walk_through(pack, input.contact);
    if (before.refused) return refusal_answer(request, pack, input.contact, false);
    // A scenario whose narrative tells another decision is shown by its title alone, after the
    // warning, as the CLI does.
    auto stale = stale_expectations(before, input);
    std::string title = stale.empty() ? input.title : input.heading;
    json out = walkthrough_json(before);
    out["title"] = escape_for_display(input.heading);
    out["stale"] = stale;
    out["contact"] = json::parse(input.contact, nullptr, false);
    std::string markdown = render_stale_warning(stale) + render_walkthrough(before, title, true, false);
    if (!asked.what_ifs.empty()) {
        std::string changed = input.contact;
        for (const auto& change : asked.what_ifs) {
            std::string error;
            if (!apply_what_if(changed, change, error))
                return error_response(request, beast_http::status::bad_request, error);
        }
        Walkthrough after = walk_through(pack, changed);
        if (after.refused) return refusal_answer(request, pack, changed, true);
        out["what_if"] = what_if_json(compare_what_if(before, after), asked.what_ifs);
        markdown += "\n" + render_what_if(before, after, asked.what_ifs, true, false);
    }
    out["markdown"] = markdown;
    return workspace_json(request, beast_http::status::ok, out);
}

}  // namespace

void add_workspace_walkthrough_routes(RouteTable& routes) {
    routes.add({beast_http::verb::post, "/v1/workspace:walkthrough", Role::decide, walk_through_case});
}

}  // namespace frontdoor::http
