#include "serve.hpp"

#include "http/reload/hot_reload.hpp"
#include "http/transport/server.hpp"
#include "http/transport/tls_context.hpp"
#include "routes.hpp"
#include "service.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <vector>

namespace frontdoor::http {

namespace asio = boost::asio;

namespace {

asio::ip::address parse_host(const std::string& host) {
    if (host == "localhost") return asio::ip::make_address("127.0.0.1");
    boost::system::error_code error;
    auto address = asio::ip::make_address(host, error);
    if (error) throw ServeError("cannot listen on '" + host + "': give an IP address, e.g. 127.0.0.1 or ::1");
    return address;
}

std::string endpoint_text(const asio::ip::tcp::endpoint& endpoint) {
    std::string address = endpoint.address().to_string();
    if (endpoint.address().is_v6()) address = "[" + address + "]";
    return address + ":" + std::to_string(endpoint.port());
}

// Waits until every connection has closed or the grace time has run out.
void wait_for_connections(const Service& service) {
    auto deadline = std::chrono::steady_clock::now() + service.limits.stop_grace;
    while (service.open_connections.load() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace

bool is_loopback_host(const std::string& host) { return parse_host(host).is_loopback(); }

void print_routes(std::ostream& out) {
    RouteTable routes = make_routes();
    for (const auto& route : routes.all()) {
        out << beast_http::to_string(route.method) << " " << route.pattern;
        for (const auto& parameter : route.query) out << " " << parameter.name;
        out << "\n";
    }
}

void listen_and_serve(const ServeOptions& options, std::shared_ptr<const Pack> pack, TokenTable tokens,
                      std::ostream& out) {
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // The service outlives the I/O context: sessions still queued in it when it is destroyed
    // release their connection count on the way out.
    Service service(std::move(pack), std::move(tokens), options.limits);
    if (options.workspace) service.workspace = &*options.workspace;
    if (!options.record_log.empty()) {
        try {
            service.recorder =
                std::make_unique<DecisionRecorder>(options.record_log, options.limits.record_queue,
                                                   options.limits.record_group, &service.metrics.log_commit_seconds);
        } catch (const std::runtime_error& error) {
            throw RecordLogError(error.what());
        }
    }
    RouteTable routes = make_routes();
    IoPool pool(threads);
    asio::ip::tcp::endpoint endpoint(parse_host(options.host), options.port);
    std::unique_ptr<asio::ssl::context> tls;
    if (!options.tls_cert_file.empty()) tls = make_tls_context(options.tls_cert_file, options.tls_key_file);
    std::unique_ptr<Server> server;
    try {
        server = std::make_unique<Server>(pool, service, routes, endpoint, tls.get());
    } catch (const boost::system::system_error& error) {
        throw ServeError("cannot listen on " + endpoint_text(endpoint) + ": " + error.code().message());
    }
    HotReload hot_reload(options, service);
    asio::signal_set hangup(pool.first(), SIGHUP);
    std::function<void()> await_hangup = [&] {
        hangup.async_wait([&](boost::system::error_code error, int) {
            if (error) return;
            spdlog::info("SIGHUP: reloading");
            hot_reload.reload_all();
            await_hangup();
        });
    };
    await_hangup();
    std::promise<int> stop_signal;
    asio::signal_set signals(pool.first(), SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code error, int number) {
        if (!error) stop_signal.set_value(number);
    });
    server->start_accepting();
    pool.run();
    out << "listening on " << (tls ? "https://" : "http://") << endpoint_text(server->local_endpoint()) << std::endl;
    spdlog::info("serving pack {} {} ({}) on {} threads", service.pack.current()->pack->name(),
                 service.pack.current()->pack->version(), service.pack.current()->pack->digest(), threads);

    int number = stop_signal.get_future().get();
    spdlog::info("signal {}: stopping; finishing the requests in flight", number);
    service.stopping.store(true);
    server->stop();
    wait_for_connections(service);
    // Every decision queued is committed (and its request completed) before the threads stop.
    if (service.recorder) service.recorder->stop();
    pool.stop();
    spdlog::info("stopped");
}

}  // namespace frontdoor::http
