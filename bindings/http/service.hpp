#pragma once
// What every connection and handler of one running service shares: the active pack, the tokens,
// the limits and the count of open connections. One Service lives as long as the server; its
// members are thread-safe or immutable. Later parts (the decision log's writer, metrics, reload,
// shadow mode) add their own member here and are reached by handlers through it.
#include "auth.hpp"
#include "http/decisions/decision_recorder.hpp"
#include "http/monitoring/metrics.hpp"
#include "http/reload/active_pack.hpp"
#include "service_limits.hpp"

#include <atomic>
#include <cstddef>
#include <memory>

namespace frontdoor::http {

class PackReloader;  // reload_pack.hpp
class ShadowMode;    // shadow_mode.hpp
struct Workspace;    // workspace.hpp

struct Service {
    Service(std::shared_ptr<const Pack> active_pack, TokenTable token_table, ServiceLimits service_limits)
        : pack(std::move(active_pack)), tokens(std::move(token_table)), limits(service_limits) {}

    ActivePack pack;
    const TokenTable tokens;
    const ServiceLimits limits;
    std::atomic<std::size_t> open_connections{0};
    std::atomic<std::size_t> batches_in_flight{0};
    // With --record LOG: the decision log's group-commit writer; null without --record.
    std::unique_ptr<DecisionRecorder> recorder;
    Metrics metrics;
    // Set once a graceful stop begins: connections close after their current response.
    std::atomic<bool> stopping{false};
    // Hot reload and shadow mode (hot_reload.hpp): set before the I/O threads start and cleared
    // after they stop; shadow is null without --shadow.
    PackReloader* reloader = nullptr;
    ShadowMode* shadow = nullptr;
    // `frontdoor workspace` (workspace.hpp): the pack directory it edits; null for `frontdoor serve`.
    const Workspace* workspace = nullptr;
};

}  // namespace frontdoor::http
