#pragma once
// Watches one directory with inotify and calls back once a burst of changes has settled. The
// directory itself is watched (not its files), for files written in place (IN_CLOSE_WRITE),
// created, deleted, and renamed in or out: editors and deploy tools replace a file by writing a
// new one and renaming it over the old. A burst of events (a tool writing several files) ends
// after `quiet` without another event; then `on_change` runs once, on the watcher's thread.
// Subdirectories are not watched.
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace frontdoor::http {

class WatchError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class DirectoryWatcher {
public:
    // Throws WatchError when the directory cannot be watched (the message says why).
    DirectoryWatcher(const std::string& directory, std::function<void()> on_change,
                     std::chrono::milliseconds quiet = std::chrono::milliseconds(200));
    // Stops the thread (a callback in progress finishes first).
    ~DirectoryWatcher();
    DirectoryWatcher(const DirectoryWatcher&) = delete;
    DirectoryWatcher& operator=(const DirectoryWatcher&) = delete;

private:
    void run();
    // Reads and discards the pending events; false when the watch has ended (the directory went).
    bool drain_events();

    std::function<void()> on_change_;
    std::chrono::milliseconds quiet_;
    int inotify_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace frontdoor::http
