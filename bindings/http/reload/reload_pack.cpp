#include "reload_pack.hpp"

#include "http/workspace/publish_directory.hpp"

#include <pthread.h>
#include <spdlog/spdlog.h>

namespace frontdoor::http {

namespace {

std::size_t error_count(const std::vector<Diagnostic>& diagnostics) {
    std::size_t errors = 0;
    for (const auto& d : diagnostics) errors += d.severity == Severity::error;
    return errors;
}

// "file:line:col: error: message" without the source line: a log line per diagnostic.
void log_diagnostics(const std::string& what, const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error)
            spdlog::error("reload of the {} pack: {}:{}:{}: error: {}", what, d.file, d.line, d.column, d.message);
}

}  // namespace

PackReloader::PackReloader(std::string directory, ActivePack& target, std::string what)
    : directory_(std::move(directory)), target_(target), what_(std::move(what)), thread_([this] {
          pthread_setname_np(pthread_self(), "fd-reload");
          run();
      }) {}

PackReloader::~PackReloader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    ReloadOutcome stopped;
    stopped.active = target_.current();
    for (auto& promise : waiting_) promise.set_value(stopped);
}

std::future<ReloadOutcome> PackReloader::request() {
    std::promise<ReloadOutcome> promise;
    auto future = promise.get_future();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        waiting_.push_back(std::move(promise));
    }
    wake_.notify_one();
    return future;
}

ReloadCounts PackReloader::counts() const { return {reloaded_.load(), unchanged_.load(), failed_.load()}; }

void PackReloader::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
        if (stopping_) return;
        auto answered = std::move(waiting_);
        waiting_.clear();
        lock.unlock();
        ReloadOutcome outcome;
        try {
            outcome = load_and_swap();
        } catch (const std::exception& error) {
            ++failed_;
            spdlog::error("reload of the {} pack from {}: {}", what_, directory_, error.what());
            outcome.active = target_.current();
        }
        for (auto& promise : answered) promise.set_value(outcome);
        lock.lock();
    }
}

ReloadOutcome PackReloader::load_and_swap() {
    LoadResult loaded = load_settled_directory(directory_, std::chrono::seconds(30), [this] {
        std::lock_guard<std::mutex> lock(mutex_);
        return stopping_;
    });
    ReloadOutcome outcome;
    outcome.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.pack) {
        ++failed_;
        log_diagnostics(what_, outcome.diagnostics);
        spdlog::error("reload of the {} pack from {}: {} errors; the pack {} stays active", what_, directory_,
                      error_count(outcome.diagnostics), target_.current()->pack->digest());
        outcome.active = target_.current();
        return outcome;
    }
    auto active = target_.current();
    if (active->pack->digest() == loaded.pack->digest()) {
        ++unchanged_;
        spdlog::info("reload of the {} pack from {}: unchanged ({})", what_, directory_, loaded.pack->digest());
        outcome.result = ReloadOutcome::Result::unchanged;
        outcome.active = std::move(active);
        return outcome;
    }
    target_.swap(loaded.pack);
    ++reloaded_;
    outcome.result = ReloadOutcome::Result::reloaded;
    outcome.active = target_.current();
    spdlog::info("reload of the {} pack from {}: {} {} ({}) is active, replacing {}", what_, directory_,
                 loaded.pack->name(), loaded.pack->version(), loaded.pack->digest(), active->pack->digest());
    return outcome;
}

}  // namespace frontdoor::http
