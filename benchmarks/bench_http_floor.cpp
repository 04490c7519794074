// The ceiling of HTTP on this machine: a bare Boost.Beast server, with nothing of Frontdoor's in
// it, that reads each POST (head and body, keep-alive) and answers 200 with a fixed JSON body of the
// size of a decision. `benchmarks/serve_load.sh` loads it with the same wrk command as
// `frontdoor serve`, so the service's throughput reads as a share of what the HTTP stack and the
// kernel's loopback alone allow on the same cores (docs/performance.md, "The decision service").
//
//   bench_http_floor [--threads N] [--body-bytes B] [--contexts shared|per-thread]
//
// Prints "listening on http://127.0.0.1:PORT" and serves until SIGTERM or SIGINT. `shared` runs one
// io_context on N threads with a strand a connection (as `frontdoor serve` does); `per-thread`
// gives each thread an io_context of its own and no strands.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, const std::string& body) : stream_(std::move(socket)), body_(body) {}
    void read() {
        request_ = {};
        http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return;
            self->answer();
        });
    }

private:
    void answer() {
        response_ = http::response<http::string_body>(http::status::ok, request_.version());
        response_.set(http::field::content_type, "application/json");
        response_.keep_alive(request_.keep_alive());
        response_.body() = body_;
        response_.prepare_payload();
        http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return;
            self->read();
        });
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
    http::response<http::string_body> response_;
    const std::string& body_;
};

// Accepts on `acceptor` and starts each connection on an executor from `next_executor`.
template <typename NextExecutor>
void accept(tcp::acceptor& acceptor, NextExecutor next_executor, const std::string& body) {
    acceptor.async_accept(next_executor(),
                          [&acceptor, next_executor, &body](beast::error_code error, tcp::socket socket) {
                              if (error) return;
                              socket.set_option(tcp::no_delay(true));
                              std::make_shared<Connection>(std::move(socket), body)->read();
                              accept(acceptor, next_executor, body);
                          });
}

int usage() {
    std::cerr << "usage: bench_http_floor [--threads N] [--body-bytes B] [--contexts shared|per-thread]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned threads = 2;
    std::size_t body_bytes = 700;
    std::string contexts = "shared";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string_view option = argv[i];
        if (option == "--threads") threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
        else if (option == "--body-bytes") body_bytes = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else if (option == "--contexts") contexts = argv[i + 1];
        else return usage();
    }
    if (argc % 2 == 0 || threads == 0 || (contexts != "shared" && contexts != "per-thread")) return usage();
    std::string body = "{\"outcome\":\"" + std::string(body_bytes > 16 ? body_bytes - 16 : 0, 'x') + "\"}\n";

    bool shared = contexts == "shared";
    std::vector<std::unique_ptr<asio::io_context>> pool;
    for (unsigned i = 0; i < (shared ? 1u : threads); ++i)
        pool.push_back(std::make_unique<asio::io_context>(shared ? static_cast<int>(threads) : 1));
    tcp::acceptor acceptor(*pool[0], tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    std::size_t turn = 0;
    auto next_executor = [&pool, &turn, shared]() -> asio::any_io_executor {
        if (shared) return asio::make_strand(*pool[0]);
        return pool[turn++ % pool.size()]->get_executor();
    };
    accept(acceptor, next_executor, body);
    asio::signal_set signals(*pool[0], SIGINT, SIGTERM);
    signals.async_wait([&pool](beast::error_code, int) {
        for (auto& context : pool) context->stop();
    });
    std::cout << "listening on http://127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;

    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i) {
        auto& context = shared ? *pool[0] : *pool[i];
        workers.emplace_back([&context] {
            auto work = asio::make_work_guard(context);
            context.run();
        });
    }
    for (auto& worker : workers) worker.join();
    return 0;
}
