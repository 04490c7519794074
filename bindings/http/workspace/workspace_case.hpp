#pragma once
// The contact a workspace route is asked about: {"scenario": "scenarios/X.json"} (that scenario
// file's contact, read from the pack directory) or {"contact": {...}} (the contact itself), as
// POST /v1/workspace:walkthrough and POST /v1/workspace:graph take it.
#include "http/http_types.hpp"
#include "workspace.hpp"

#include "frontdoor/walkthrough.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace frontdoor::http {

struct Service;

struct WorkspaceCase {
    WalkthroughInput input;
    std::optional<Response> refusal;  // 400 naming the JSON path, or the scenario path's refusal
};

// The case `body` names; a body with neither "contact" nor "scenario" is refused (400, "/scenario").
WorkspaceCase read_workspace_case(const Service& service, const Workspace& workspace, const Request& request,
                                  const nlohmann::json& body);

// True when `body` names a case ("contact" or "scenario").
bool names_workspace_case(const nlohmann::json& body);

}  // namespace frontdoor::http
