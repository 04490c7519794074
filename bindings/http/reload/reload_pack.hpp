#pragma once
// Hot reload: a pack directory loaded and compiled again on a thread of its own, off the request
// path, and swapped into an ActivePack only when it loads without errors. A pack with errors
// leaves the old one active; its diagnostics (file:line:col and the message, which speak of rule
// files, never of a contact) are logged and counted. A pack whose digest is the active one's is
// not swapped: the reload is a no-op and says so. Requests that arrive while a load runs are
// answered together by the next load, which starts after the last of them arrived. A load waits
// while a workspace is publishing into the directory (publish_directory.hpp), so it never
// activates half of a published pack.
#include "active_pack.hpp"

#include "frontdoor/frontdoor.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace frontdoor::http {

struct ReloadOutcome {
    enum class Result { reloaded, unchanged, failed };
    Result result = Result::failed;
    std::shared_ptr<const ActiveSnapshot> active;  // the snapshot in force once the reload is over
    std::vector<Diagnostic> diagnostics;           // errors (when failed) and warnings
};

// Counts since the start, for /metrics (the metrics part renders them).
struct ReloadCounts {
    std::uint64_t reloaded = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t failed = 0;
};

class PackReloader {
public:
    // Reloads `directory` into `target`; `what` names the pack in log lines ("active", "shadow").
    PackReloader(std::string directory, ActivePack& target, std::string what);
    // Stops the thread after the load in progress; waiting callers get its outcome or a failed one.
    ~PackReloader();
    PackReloader(const PackReloader&) = delete;
    PackReloader& operator=(const PackReloader&) = delete;

    // Asks for a reload and returns at once; the future holds its outcome. Thread-safe.
    std::future<ReloadOutcome> request();
    ReloadCounts counts() const;
    const std::string& directory() const { return directory_; }

private:
    void run();
    ReloadOutcome load_and_swap();

    const std::string directory_;
    ActivePack& target_;
    const std::string what_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::promise<ReloadOutcome>> waiting_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> reloaded_{0}, unchanged_{0}, failed_{0};
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace frontdoor::http
