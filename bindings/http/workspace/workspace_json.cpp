#include "workspace_json.hpp"

#include "frontdoor/input_limits.hpp"

#include "http/json_error.hpp"
#include "http/service.hpp"

#include "frontdoor/edit_pack.hpp"

namespace frontdoor::http {

std::string describe(JsonObjectProblem problem) {
    switch (problem) {
        case JsonObjectProblem::none: return "";
        case JsonObjectProblem::nests_too_deep:
            return "nests deeper than " + std::to_string(InputLimits{}.nesting_depth) + " levels";
        case JsonObjectProblem::not_an_object: return "is not a JSON object";
    }
    return "";
}

nlohmann::json read_json_object(std::string_view text, JsonObjectProblem& problem) {
    problem = JsonObjectProblem::none;
    if (json_nests_deeper_than(text)) {
        problem = JsonObjectProblem::nests_too_deep;
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        problem = JsonObjectProblem::not_an_object;
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    return parsed;
}

EditRequest read_edit_request(const Request& request, bool needs_text) {
    EditRequest edit;
    auto refuse = [&](std::string message) {
        edit.refusal = error_response(request, beast_http::status::bad_request, message);
        return std::move(edit);
    };
    JsonObjectProblem problem;
    edit.body = read_json_object(request.body(), problem);
    if (problem != JsonObjectProblem::none) return refuse("the body " + describe(problem));
    auto path = edit.body.find("path");
    if (path == edit.body.end() || !path->is_string()) return refuse("/path: give the file's path as a string");
    edit.path = path->get<std::string>();
    auto text = edit.body.find("text");
    if (text != edit.body.end() && !text->is_string()) return refuse("/text: give the file's text as a string");
    if (needs_text && text == edit.body.end()) return refuse("/text: give the file's text");
    if (text != edit.body.end()) edit.text = text->get<std::string>();
    return edit;
}

nlohmann::json diagnostics_json(const Workspace& workspace, const std::vector<Diagnostic>& diagnostics) {
    static const char* const severities[] = {"error", "warning", "note"};
    std::string prefix = workspace.pack_dir + "/";
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : diagnostics) {
        std::string file = d.file.rfind(prefix, 0) == 0 ? d.file.substr(prefix.size()) : "";
        nlohmann::json item = {{"file", file},
                               {"line", d.line},
                               {"column", d.column},
                               {"end_line", d.line},
                               {"end_column", d.column + d.width},
                               {"severity", severities[static_cast<int>(d.severity)]},
                               {"message", d.message},
                               {"notes", d.notes}};
        if (auto fix = suggested_replacement(d)) item["fix"] = *fix;
        out.push_back(std::move(item));
    }
    return out;
}

Response workspace_json(const Request& request, beast_http::status status, const nlohmann::json& body) {
    return json_response(request, status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

const Workspace* workspace_of(const Service& service, const Request& request, Response& refusal) {
    if (!service.workspace)
        refusal = error_response(request, beast_http::status::not_found,
                                 "this service is not a workspace; start it with frontdoor workspace DIR");
    return service.workspace;
}

}  // namespace frontdoor::http

namespace frontdoor::http {}  // namespace frontdoor::http
