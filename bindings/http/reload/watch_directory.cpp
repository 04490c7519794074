#include "watch_directory.hpp"

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <pthread.h>
#include <cerrno>
#include <cstring>

namespace frontdoor::http {

namespace {

constexpr std::uint32_t watched_events =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF;

void close_if_open(int fd) {
    if (fd >= 0) ::close(fd);
}

}  // namespace

DirectoryWatcher::DirectoryWatcher(const std::string& directory, std::function<void()> on_change,
                                   std::chrono::milliseconds quiet)
    : on_change_(std::move(on_change)), quiet_(quiet) {
    inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ < 0) throw WatchError("cannot watch " + directory + ": " + std::strerror(errno));
    if (::inotify_add_watch(inotify_, directory.c_str(), watched_events | IN_ONLYDIR) < 0 ||
        ::pipe2(stop_pipe_, O_CLOEXEC) < 0) {
        int error = errno;
        close_if_open(inotify_);
        throw WatchError("cannot watch " + directory + ": " + std::strerror(error));
    }
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "fd-watch");
        run();
    });
}

DirectoryWatcher::~DirectoryWatcher() {
    char byte = 0;
    if (::write(stop_pipe_[1], &byte, 1) < 0) spdlog::warn("the directory watcher could not be told to stop");
    thread_.join();
    close_if_open(inotify_);
    close_if_open(stop_pipe_[0]);
    close_if_open(stop_pipe_[1]);
}

bool DirectoryWatcher::drain_events() {
    alignas(inotify_event) char buffer[8192];
    bool alive = true;
    for (;;) {
        ssize_t n = ::read(inotify_, buffer, sizeof buffer);
        if (n <= 0) return alive;
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) alive = false;
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

void DirectoryWatcher::run() {
    pollfd fds[2] = {{stop_pipe_[0], POLLIN, 0}, {inotify_, POLLIN, 0}};
    bool pending = false;  // events seen, waiting for the burst to settle
    for (;;) {
        int timeout = pending ? static_cast<int>(quiet_.count()) : -1;
        int ready = ::poll(fds, 2, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0 || (fds[0].revents & POLLIN)) return;
        if (ready == 0) {
            pending = false;
            on_change_();
            continue;
        }
        if (fds[1].revents & POLLIN) {
            pending = true;
            if (!drain_events()) {
                spdlog::warn("the watched pack directory was removed or moved away; changes are no longer seen "
                             "(SIGHUP and POST /v1/pack:reload still reload)");
                on_change_();
                return;
            }
        }
    }
}

}  // namespace frontdoor::http
