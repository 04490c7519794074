#pragma once
// The JSON the workspace routes read and write: the request body {"path", "text", ...} and the
// diagnostics, each with its file relative to the pack directory and its span as line and columns.
#include "http/http_types.hpp"
#include "workspace.hpp"

#include "frontdoor/diagnostic.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::http {

// Why a text was not read as a JSON object: it nests deeper than the nesting limit, it is not one
// JSON object (not JSON at all, or another JSON value; the routes answer both alike), or an object
// in it gives a field twice (nlohmann would keep the last silently, where the contact reader refuses
// such a contact, so a walkthrough or graph would decide a contact the service refuses, and a save
// could write another file than the first "path" says).
struct JsonObjectProblem {
    enum class Kind { none, nests_too_deep, not_an_object, field_repeated };
    Kind kind = Kind::none;
    std::string field;  // field_repeated: the field given twice
    std::string at;     // field_repeated: the JSON pointer of the object that gives it twice
    explicit operator bool() const { return kind != Kind::none; }
};

// The words for `problem`, to follow "the body" or "line 1": "nests deeper than 256 levels",
// "is not a JSON object" or "gives the field 'x' twice in one object (at '/contact'); give each
// field once" ("" for none).
std::string describe(const JsonObjectProblem& problem);

// A request's JSON object (a body, or the impact route's first line), read with nlohmann only once
// json_nests_deeper_than (frontdoor/input_limits.hpp) has passed it, since nlohmann's values copy
// and print recursively and one nested 100,000 deep would exhaust the stack. Discarded otherwise,
// `problem` then saying why.
nlohmann::json read_json_object(std::string_view text, JsonObjectProblem& problem);

// The body as a JSON object with a string "path" (and "text" when `needs_text`), or the 400
// response naming what is missing.
struct EditRequest {
    nlohmann::json body;
    std::string path;
    std::string text;
    std::optional<Response> refusal;
};
EditRequest read_edit_request(const Request& request, bool needs_text);

// [{"file", "line", "column", "end_line", "end_column", "severity", "message", "notes", "fix"?}]:
// "fix" is the text a "did you mean" suggests in place of the span (frontdoor::suggested_replacement).
nlohmann::json diagnostics_json(const Workspace& workspace, const std::vector<Diagnostic>& diagnostics);

// A JSON response of `body` (invalid UTF-8 replaced).
Response workspace_json(const Request& request, beast_http::status status, const nlohmann::json& body);

// The workspace, or null after setting `refusal` to 404 when the service is not a workspace.
const Workspace* workspace_of(const struct Service& service, const Request& request, Response& refusal);

}  // namespace frontdoor::http
