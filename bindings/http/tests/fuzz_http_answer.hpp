#pragma once
// What the HTTP fuzz targets (fuzz_http_request.cpp, fuzz_http_workspace.cpp) share: the tokens
// file they serve with, and the check of every answer. An answer must be one HTTP/1.1 response with
// a status the service documents, never 500 (an exception escaping a handler), and a JSON body
// wherever it says application/json; anything else aborts the target with the response.
#include "http/auth.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

namespace fuzz_http {

// A tokens file in the temporary directory, as an operator would write one: "fuzz-token" holds the
// decide role, "fuzz-admin" audit and admin. `name` names the file (the target's own).
inline frontdoor::http::TokenTable fuzz_tokens(const std::string& name) {
    const char* directory = std::getenv("TMPDIR");
    std::string path = std::string(directory ? directory : "/tmp") + "/" + name + ".tokens";
    std::ofstream(path) << frontdoor::http::token_hash("fuzz-token") << " decide\n"
                        << frontdoor::http::token_hash("fuzz-admin") << " audit,admin\n";
    return frontdoor::http::TokenTable::load(path);
}

// The statuses docs/service.md documents for `frontdoor serve`'s routes.
inline const std::set<int>& serve_statuses() {
    static const std::set<int> statuses = {200, 400, 401, 403, 404, 405, 408, 413, 415, 422, 431, 501, 503};
    return statuses;
}

[[noreturn]] inline void fail(const char* what, const std::string& response) {
    std::fprintf(stderr, "%s:\n%s\n", what, response.c_str());
    std::abort();
}

// Aborts unless `response` is one HTTP/1.1 response with a status of `documented` and, when it says
// application/json, one JSON object as its body.
inline void check_answer(const std::string& response, const std::set<int>& documented) {
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) fail("not an HTTP/1.1 response", response);
    int status = std::atoi(response.substr(9, 3).c_str());
    if (!documented.count(status)) fail("an undocumented status", response);
    auto head_end = response.find("\r\n\r\n");
    if (head_end == std::string::npos) fail("a response without the end of its head", response);
    std::string_view head(response.data(), head_end);
    if (head.find("Content-Type: application/json\r\n") != std::string_view::npos) {
        auto body = nlohmann::json::parse(response.substr(head_end + 4), nullptr, false);
        if (!body.is_object()) fail("an application/json body that is not one JSON object", response);
    }
}

}  // namespace fuzz_http
