#include "io_pool.hpp"

#include <pthread.h>
#include <boost/asio/executor_work_guard.hpp>
#include <string>

namespace frontdoor::http {

IoPool::IoPool(unsigned threads) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i)
        contexts_.push_back(std::make_unique<boost::asio::io_context>(1));
}

IoPool::~IoPool() { stop(); }

boost::asio::io_context& IoPool::next() { return *contexts_[turn_++ % contexts_.size()]; }

void IoPool::run() {
    for (auto& context : contexts_)
        threads_.emplace_back([&context = *context, n = threads_.size()] {
            // Named for top -H, perf and /proc/PID/task/*/comm: fd-io-0, fd-io-1, ...
            pthread_setname_np(pthread_self(), ("fd-io-" + std::to_string(n)).c_str());
            // A context with nothing to do yet (no connection) waits for work instead of returning.
            auto work = boost::asio::make_work_guard(context);
            context.run();
        });
}

void IoPool::stop() {
    for (auto& context : contexts_) context->stop();
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
    threads_.clear();
}

}  // namespace frontdoor::http
