#include "workspace_json.hpp"

#include "frontdoor/input_limits.hpp"

#include "http/json_error.hpp"
#include "http/service.hpp"

#include "frontdoor/edit_pack.hpp"

#include <functional>
#include <set>

namespace frontdoor::http {

namespace {

// Finds, while nlohmann parses, the first object that gives a field twice: nlohmann keeps the last
// silently, where the contact reader refuses such a contact (POST /v1/decisions answers 400), so a
// walkthrough or graph would otherwise decide a contact the service refuses, and a save could
// write another file than the first "path" says.
class RepeatedFieldFinder {
public:
    bool operator()(int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (event == Event::object_start || event == Event::array_start) {
            std::string path = child_path();
            frames_.push_back({event == Event::object_start, std::move(path), {}, {}, 0});
        } else if (event == Event::key && !frames_.empty()) {
            Frame& frame = frames_.back();
            frame.key = parsed.get<std::string>();
            if (!frame.keys.insert(frame.key).second && !found) {
                found = true;
                field = frame.key;
                at = frame.path;
            }
        } else if (event == Event::value && !frames_.empty() && !frames_.back().object) {
            ++frames_.back().items;
        } else if ((event == Event::object_end || event == Event::array_end) && !frames_.empty()) {
            frames_.pop_back();
        }
        return true;
    }

    bool found = false;
    std::string field;  // the first field given twice
    std::string at;     // the JSON pointer of its object

private:
    struct Frame {
        bool object;
        std::string path;  // JSON pointer
        std::set<std::string> keys;
        std::string key;    // the last key read, in an object
        std::size_t items;  // values read so far, in an array
    };

    // The JSON pointer of a container that starts now, inside the one on top.
    std::string child_path() {
        if (frames_.empty()) return "";
        Frame& parent = frames_.back();
        if (!parent.object) return parent.path + "/" + std::to_string(parent.items++);
        std::string token;
        for (char c : parent.key) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return parent.path + "/" + token;
    }

    std::vector<Frame> frames_;
};

}  // namespace

std::string describe(const JsonObjectProblem& problem) {
    switch (problem.kind) {
        case JsonObjectProblem::Kind::none: return "";
        case JsonObjectProblem::Kind::nests_too_deep:
            return "nests deeper than " + std::to_string(InputLimits{}.nesting_depth) + " levels";
        case JsonObjectProblem::Kind::not_an_object: return "is not a JSON object";
        case JsonObjectProblem::Kind::field_repeated:
            return "gives the field '" + problem.field + "' twice in one object (at '" + problem.at +
                   "'); give each field once";
    }
    return "";
}

nlohmann::json read_json_object(std::string_view text, JsonObjectProblem& problem) {
    problem = {};
    if (json_nests_deeper_than(text)) {
        problem.kind = JsonObjectProblem::Kind::nests_too_deep;
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    RepeatedFieldFinder repeated;
    nlohmann::json parsed = nlohmann::json::parse(text, std::ref(repeated), false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        problem.kind = JsonObjectProblem::Kind::not_an_object;
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    if (repeated.found) {
        problem = {JsonObjectProblem::Kind::field_repeated, std::move(repeated.field), std::move(repeated.at)};
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
    if (problem) return refuse("the body " + describe(problem));
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
