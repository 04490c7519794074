// GET /v1/workspace/publish and POST /v1/workspace:publish: publishing the workspace's pack to the
// directory a running decision service watches (--publish-to), and seeing it become active there
// (--publish-service): docs/workspace.md, Publishing. The pack is published only when it loads
// clean and (unless the request insists) every scenario passes; it is written so the service never
// loads half of it (publish_directory.hpp); it is called active only once the service says so.
#include "http/answer_off_thread.hpp"
#include "http/json_error.hpp"
#include "http/routes.hpp"
#include "publish_client.hpp"
#include "publish_directory.hpp"
#include "workspace_json.hpp"

#include "frontdoor/testing.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <memory>
#include <thread>

namespace frontdoor::http {

namespace {

constexpr auto activation_patience = std::chrono::seconds(15);

const char* const not_set_up =
    "publishing is not set up: start the workspace with --publish-to PUBDIR (the directory the decision service "
    "watches) and --publish-service URL (that service, to see the pack become active)";

nlohmann::json pack_summary(const Pack& pack) {
    return {{"name", pack.name()}, {"version", pack.version()}, {"digest", pack.digest()}};
}

nlohmann::json changes_json(const PublishChanges& changes) {
    return {{"added", changes.added}, {"changed", changes.changed}, {"removed", changes.removed}};
}

// The service's answer as JSON, or null with `why` set.
nlohmann::json service_json(const Workspace& workspace, beast_http::verb method, const std::string& path,
                            std::string& why, unsigned& status) {
    std::string problem;
    auto url = parse_service_url(workspace.publish_service, problem);
    if (!url) {
        why = problem;
        return nullptr;
    }
    ServiceAnswer answer = call_service(*url, method, path, workspace.publish_token);
    status = answer.status;
    if (!answer.status) {
        why = answer.problem;
        return nullptr;
    }
    JsonObjectProblem answer_problem;
    nlohmann::json body = read_json_object(answer.body, answer_problem);
    if (answer_problem) {
        why = "the service at " + workspace.publish_service + " answered " + std::to_string(answer.status) +
              " without a JSON object";
        return nullptr;
    }
    if (answer.status == 401 || answer.status == 403)
        why = "the service at " + workspace.publish_service + " refused the workspace's token (" +
              std::to_string(answer.status) +
              "): give --publish-token-file with a token of that service with the roles decide and admin";
    return body;
}

// The pack the service has active: {"name", "version", "digest", "active_since"}, or null with `why`.
nlohmann::json active_on_service(const Workspace& workspace, std::string& why) {
    unsigned status = 0;
    nlohmann::json body = service_json(workspace, beast_http::verb::get, "/v1/pack", why, status);
    if (body.is_null() || !why.empty()) return nullptr;
    if (status != 200 || !body.contains("digest")) {
        why = "GET /v1/pack of " + workspace.publish_service + " answered " + std::to_string(status);
        return nullptr;
    }
    return {{"name", body.value("name", "")},
            {"version", body.value("version", "")},
            {"digest", body.value("digest", "")},
            {"active_since", body.value("active_since", "")}};
}

// What is published where: loads both packs and asks the service (up to its call's timeout), so it
// answers from a thread of its own.
Response publish_status_now(const Request& request, const Workspace* workspace) {
    nlohmann::json body = {
        {"enabled", true},
        {"directory", workspace->publish_dir},
        {"service",
         workspace->publish_service.empty() ? nlohmann::json() : nlohmann::json(workspace->publish_service)}};
    LoadResult draft = Pack::load_directory(workspace->pack_dir);
    body["draft"] = draft.pack ? pack_summary(*draft.pack) : nlohmann::json();
    LoadResult published = Pack::load_directory(workspace->publish_dir);
    body["in_directory"] = published.pack ? pack_summary(*published.pack) : nlohmann::json();
    if (!workspace->publish_service.empty()) {
        std::string why;
        body["active"] = active_on_service(*workspace, why);
        if (!why.empty()) body["active_problem"] = why;
    }
    const nlohmann::json& now = body.contains("active") ? body["active"] : body["in_directory"];
    body["differs"] = !draft.pack || now.is_null() || now.value("digest", "") != draft.pack->digest();
    if (draft.pack) body["changes"] = changes_json(compare_with_directory(*draft.pack, workspace->publish_dir));
    return workspace_json(request, beast_http::status::ok, body);
}

Response publish_status(Service& service, const Request& request, RequestContext& context) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    if (workspace->publish_dir.empty())
        return workspace_json(request, beast_http::status::ok, {{"enabled", false}, {"why", not_set_up}});
    answer_off_thread(request, context, [request, workspace] { return publish_status_now(request, workspace); });
    return {};
}

// Asks the service to reload, then watches its GET /v1/pack until `digest` is active (bounded).
// Fills "active" and "active_since", or "active": false and "why".
void confirm_active(const Workspace& workspace, const std::string& digest, nlohmann::json& body) {
    std::string why;
    unsigned status = 0;
    nlohmann::json reloaded = service_json(workspace, beast_http::verb::post, "/v1/pack:reload", why, status);
    if (status == 422 && reloaded.is_object()) {
        body["active"] = false;
        body["why"] = "the service refused the pack: " +
                      reloaded.value(nlohmann::json::json_pointer("/error/message"), std::string("its reload failed"));
        if (reloaded.contains("error") && reloaded["error"].contains("diagnostics"))
            body["service_diagnostics"] = reloaded["error"]["diagnostics"];
        return;
    }
    if (!why.empty()) {
        body["active"] = false;
        body["why"] = "asking the service to reload failed: " + why;
        return;
    }
    auto deadline = std::chrono::steady_clock::now() + activation_patience;
    for (;;) {
        why.clear();
        nlohmann::json active = active_on_service(workspace, why);
        if (!active.is_null() && active["digest"] == digest) {
            body["active"] = true;
            body["active_since"] = active["active_since"];
            return;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            body["active"] = false;
            body["why"] = !why.empty()
                              ? why
                              : "after " + std::to_string(activation_patience.count()) + " s the service still has " +
                                    active.value("digest", std::string("another pack")) + " active";
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

Response refuse_publish(const Request& request, beast_http::status status, const std::string& message,
                        nlohmann::json body = nlohmann::json::object()) {
    body["published"] = false;
    body["error"] = {{"status", static_cast<unsigned>(status)}, {"message", message}};
    return workspace_json(request, status, body);
}

// One publish at a time: taken by the request, given back once its answer is made and before it
// is sent, so that a caller who has the answer may publish again at once (the work's closure,
// which holds the slot too, is destroyed only after the send); or when the work is dropped unrun.
std::atomic<bool> publishing{false};
class PublishSlot {
public:
    PublishSlot(const PublishSlot&) = delete;
    PublishSlot& operator=(const PublishSlot&) = delete;
    PublishSlot() = default;
    ~PublishSlot() { give_back(); }
    // Once only: a slot given back never frees the next publish's.
    void give_back() {
        if (held_.exchange(false)) publishing = false;
    }

private:
    std::atomic<bool> held_{true};
};

// Checks, publishes and sees the pack become active (up to activation_patience and the service's
// calls' timeouts): on a thread of its own.
Response publish_now(const Request& request, const Workspace* workspace, bool insist) {
    LoadResult draft = Pack::load_directory(workspace->pack_dir);
    if (!draft.pack)
        return refuse_publish(request, beast_http::status::unprocessable_entity,
                              "not published: the pack has errors; fix them first",
                              {{"diagnostics", diagnostics_json(*workspace, draft.diagnostics)}});
    TestReport report = run_scenarios(*draft.pack, workspace->pack_dir + "/scenarios");
    nlohmann::json failing = nlohmann::json::array();
    for (const auto& result : report.scenarios)
        if (!result.passed) failing.push_back({{"file", result.file}, {"title", result.title}});
    if (!failing.empty() && !insist)
        return refuse_publish(request, beast_http::status::unprocessable_entity,
                              "not published: " + std::to_string(failing.size()) +
                                  (failing.size() == 1 ? " scenario fails" : " scenarios fail") +
                                  " with this pack; make them pass (or accept their new results) first",
                              {{"failing", failing}});
    const Pack& pack = *draft.pack;
    PublishChanges changes = compare_with_directory(pack, workspace->publish_dir);
    if (std::string problem = publish_to_directory(pack, workspace->publish_dir, changes); !problem.empty()) {
        spdlog::error("publishing {} to {} failed: {}", pack.digest(), workspace->publish_dir, problem);
        return refuse_publish(request, beast_http::status::conflict, "not published: " + problem);
    }
    spdlog::info("published {} {} ({}) to {}: {} added, {} changed, {} removed{}", pack.name(), pack.version(),
                 pack.digest(), workspace->publish_dir, changes.added.size(), changes.changed.size(),
                 changes.removed.size(), failing.empty() ? "" : " (with failing scenarios, as asked)");
    nlohmann::json body = pack_summary(pack);
    body["published"] = true;
    body["directory"] = workspace->publish_dir;
    body["changes"] = changes_json(changes);
    body["failing"] = failing;
    if (workspace->publish_service.empty()) {
        body["active"] = false;
        body["why"] = "no --publish-service given: the service watching " + workspace->publish_dir +
                      " reloads it itself; its GET /v1/pack says when";
    } else {
        confirm_active(*workspace, pack.digest(), body);
    }
    if (body["active"] == true) spdlog::info("{} is active on {}", pack.digest(), workspace->publish_service);
    else if (!workspace->publish_service.empty())
        spdlog::warn("{} is not active on {}: {}", pack.digest(), workspace->publish_service,
                     body.value("why", std::string()));
    return workspace_json(request, beast_http::status::ok, body);
}

Response publish_pack(Service& service, const Request& request, RequestContext& context) {
    Response refusal;
    const Workspace* workspace = workspace_of(service, request, refusal);
    if (!workspace) return refusal;
    bool insist = false;
    if (!request.body().empty()) {
        JsonObjectProblem problem;
        nlohmann::json asked = read_json_object(request.body(), problem);
        if (problem) return error_response(request, beast_http::status::bad_request, "the body " + describe(problem));
        auto flag = asked.find("even_if_scenarios_fail");
        if (flag != asked.end() && !flag->is_boolean())
            return error_response(request, beast_http::status::bad_request,
                                  "/even_if_scenarios_fail: give true or false");
        insist = flag != asked.end() && flag->get<bool>();
    }
    if (workspace->publish_dir.empty()) return refuse_publish(request, beast_http::status::conflict, not_set_up);
    if (publishing.exchange(true))
        return refuse_publish(request, beast_http::status::conflict, "another publish is running; try again");
    auto slot = std::make_shared<PublishSlot>();
    answer_off_thread(request, context, [request, workspace, insist, slot] {
        struct GiveBackOnLeaving {
            PublishSlot& slot;
            ~GiveBackOnLeaving() { slot.give_back(); }
        } leaving{*slot};  // the answer made (or an exception thrown), before it is sent
        return publish_now(request, workspace, insist);
    });
    return {};
}

}  // namespace

void add_workspace_publish_routes(RouteTable& routes) {
    routes.add({beast_http::verb::get, "/v1/workspace/publish", Role::decide, publish_status});
    routes.add({beast_http::verb::post, "/v1/workspace:publish", Role::admin, publish_pack});
}

}  // namespace frontdoor::http
