#pragma once
// The reload machinery of one running service, started by listen_and_serve: a PackReloader for
// the active pack, and for the shadow's candidate pack when --shadow is given, each with a
// DirectoryWatcher on its directory (unless --no-watch). SIGHUP reloads both (reload_all);
// POST /v1/pack:reload reloads the active one (handle_reload.cpp, through Service::reloader).
#include "http/serve_options.hpp"
#include "http/service.hpp"
#include "http/shadow/shadow_mode.hpp"
#include "reload_pack.hpp"
#include "watch_directory.hpp"

#include <memory>

namespace frontdoor::http {

class HotReload {
public:
    // Sets service.reloader and service.shadow; clears them again when destroyed. Throws
    // ServeError when a directory cannot be watched or the shadow's output file cannot be opened,
    // RecordLogError when the shadow's record log (--shadow-record) cannot be opened.
    HotReload(const ServeOptions& options, Service& service);
    ~HotReload();
    HotReload(const HotReload&) = delete;
    HotReload& operator=(const HotReload&) = delete;

    // Asks every reloader for a reload and returns at once (SIGHUP).
    void reload_all();

private:
    Service& service_;
    // Destroyed in reverse: the watchers stop before the reloaders they call, and those before
    // the shadow whose candidate one of them swaps.
    std::unique_ptr<ShadowMode> shadow_;
    std::unique_ptr<PackReloader> active_reloader_, shadow_reloader_;
    std::unique_ptr<DirectoryWatcher> active_watcher_, shadow_watcher_;
};

}  // namespace frontdoor::http
