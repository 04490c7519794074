#include "hot_reload.hpp"

#include "http/serve.hpp"

#include <spdlog/spdlog.h>

namespace frontdoor::http {

namespace {

// The shadow record log (--shadow-record), opened like --record's; null without one.
std::unique_ptr<ShadowRecord> open_shadow_record(const ServeOptions& options) {
    if (options.shadow_record.empty()) return nullptr;
    try {
        return std::make_unique<ShadowRecord>(std::make_unique<DecisionRecorder>(
            options.shadow_record, options.limits.record_queue, options.limits.record_group, nullptr, false));
    } catch (const std::runtime_error& error) {
        throw RecordLogError(std::string("--shadow-record: ") + error.what());
    }
}

std::unique_ptr<DirectoryWatcher> watch(const std::string& directory, PackReloader& reloader) {
    try {
        return std::make_unique<DirectoryWatcher>(directory, [&reloader] { reloader.request(); });
    } catch (const WatchError& error) {
        throw ServeError(std::string(error.what()) +
                         " (give --no-watch to reload only on SIGHUP or POST /v1/pack:reload)");
    }
}

}  // namespace

HotReload::HotReload(const ServeOptions& options, Service& service) : service_(service) {
    active_reloader_ = std::make_unique<PackReloader>(options.rules_dir, service.pack, "active");
    if (options.shadow_pack) {
        auto record = open_shadow_record(options);
        try {
            shadow_ = std::make_unique<ShadowMode>(options.shadow_pack, options.shadow_out, std::move(record));
        } catch (const std::runtime_error& error) {
            throw ServeError(error.what());
        }
        shadow_reloader_ = std::make_unique<PackReloader>(options.shadow_dir, shadow_->candidate(), "shadow");
        spdlog::info("shadow pack {} {} ({}) decides every request as well", options.shadow_pack->name(),
                     options.shadow_pack->version(), options.shadow_pack->digest());
    }
    if (options.watch) {
        active_watcher_ = watch(options.rules_dir, *active_reloader_);
        if (shadow_reloader_) shadow_watcher_ = watch(options.shadow_dir, *shadow_reloader_);
    }
    service.reloader = active_reloader_.get();
    service.shadow = shadow_.get();
}

HotReload::~HotReload() {
    service_.reloader = nullptr;
    service_.shadow = nullptr;
}

void HotReload::reload_all() {
    active_reloader_->request();
    if (shadow_reloader_) shadow_reloader_->request();
}

}  // namespace frontdoor::http
