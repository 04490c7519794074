#pragma once
// The server's I/O threads: one io_context a thread, each run by its thread alone, and a connection
// bound to one of them for its life (round robin as they are accepted). A connection's handlers so
// never run on two threads at once without a strand, and a thread takes its work from its own queue
// instead of one queue locked by all (on 2 cores a bare Beast server answers 1.25x the requests
// this way: docs/performance.md, "The decision service"). Work posted from other threads (a
// recorded decision's commit, a batch's answers) is still safe: posting to an io_context is.
#include <boost/asio/io_context.hpp>

#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

namespace frontdoor::http {

class IoPool {
public:
    explicit IoPool(unsigned threads);
    ~IoPool();
    IoPool(const IoPool&) = delete;
    IoPool& operator=(const IoPool&) = delete;

    // The context the listener, the signals and the reload's watches run on.
    boost::asio::io_context& first() { return *contexts_.front(); }
    // The context for the next connection. Called from the accepting thread only.
    boost::asio::io_context& next();
    // Starts one thread a context; each runs until stop().
    void run();
    // Stops every context and joins the threads.
    void stop();

private:
    std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
    std::vector<std::thread> threads_;
    std::size_t turn_ = 0;
};

}  // namespace frontdoor::http
