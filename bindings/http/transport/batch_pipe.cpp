#include "batch_pipe.hpp"

#include <spdlog/spdlog.h>

#include <pthread.h>
#include <algorithm>
#include <cstring>
#include <thread>

namespace frontdoor::http {

namespace {

// Thrown into decide_batch from the sink once the connection is gone, to stop the batch.
struct ConnectionBroken {};

}  // namespace

void BatchPipe::start(StreamDecide decide, Peer peer) {
    peer_ = std::move(peer);
    // Detached: the thread owns the pipe and ends when the batch does (the session waits for
    // finished(), and a connection that fails wakes it with broken()).
    std::thread([self = shared_from_this(), decide = std::move(decide)] {
        pthread_setname_np(pthread_self(), "fd-batch");
        self->run(decide);
    }).detach();
}

void BatchPipe::run(const StreamDecide& decide) {
    StreamOutcome outcome;
    try {
        outcome.summary = decide([this](char* into, std::size_t size) { return read(into, size); },
                                 [this](std::string_view answers) { sink(answers); });
        outcome.read_failure = outcome.summary.read_failure;
        outcome.completed = !outcome.read_failure;
    } catch (StreamStopped& stopped) {
        outcome.stopped = std::move(stopped.refusal);
    } catch (const ConnectionBroken&) {
        outcome.broken = true;
    } catch (const std::exception& error) {
        spdlog::error("a streamed batch failed: {}", error.what());
        outcome.broken = true;
    }
    auto finished = std::move(peer_.finished);
    peer_ = {};  // the callbacks hold the session: let it go
    finished(std::move(outcome));
}

std::size_t BatchPipe::read(char* into, std::size_t size) {
    std::unique_lock lock(mutex_);
    if (taken_ == piece_.size() && !body_ended_ && !broken_ && !read_failure_) {
        if (!asked_) {
            asked_ = true;
            lock.unlock();
            peer_.read_piece();
            lock.lock();
        }
        changed_.wait(lock, [this] { return taken_ < piece_.size() || body_ended_ || broken_ || read_failure_; });
    }
    if (broken_) throw ConnectionBroken{};
    if (taken_ == piece_.size() && read_failure_) throw ReadError(*read_failure_);
    std::size_t n = std::min(size, piece_.size() - taken_);
    std::memcpy(into, piece_.data() + taken_, n);
    taken_ += n;
    return n;  // 0 only once the body has ended
}

void BatchPipe::sink(std::string_view answers) {
    std::unique_lock lock(mutex_);
    if (broken_) throw ConnectionBroken{};
    writing_ = true;
    lock.unlock();
    peer_.write(std::string(answers));
    lock.lock();
    changed_.wait(lock, [this] { return !writing_ || broken_; });
    if (broken_) throw ConnectionBroken{};
}

void BatchPipe::feed(std::string piece) {
    std::lock_guard lock(mutex_);
    piece_ = std::move(piece);
    taken_ = 0;
    asked_ = false;
    changed_.notify_all();
}

void BatchPipe::end_of_body() {
    std::lock_guard lock(mutex_);
    body_ended_ = true;
    changed_.notify_all();
}

void BatchPipe::fail_read(std::string why) {
    std::lock_guard lock(mutex_);
    read_failure_ = std::move(why);
    changed_.notify_all();
}

void BatchPipe::written() {
    std::lock_guard lock(mutex_);
    writing_ = false;
    changed_.notify_all();
}

void BatchPipe::broken() {
    std::lock_guard lock(mutex_);
    broken_ = true;
    changed_.notify_all();
}

}  // namespace frontdoor::http
