#pragma once
// The listening socket and its accept loop: each accepted connection becomes a Session on the
// next context of the I/O pool (io_pool.hpp). stop() closes the listener and the connections waiting idle for a
// request; connections in the middle of a request finish it first (graceful stop).
#include "http/routes.hpp"
#include "http/service.hpp"

#include "io_pool.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <list>
#include <memory>
#include <mutex>

namespace frontdoor::http {

class Session;

class Server {
public:
    // Binds and listens on `endpoint`; throws boost::system::system_error when it cannot.
    // With `tls` (not null, outliving the server) every connection speaks TLS.
    Server(IoPool& pool, Service& service, const RouteTable& routes, const boost::asio::ip::tcp::endpoint& endpoint,
           boost::asio::ssl::context* tls = nullptr);
    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }
    void start_accepting();
    // Thread-safe.
    void stop();

private:
    void accept();
    void remember(const std::shared_ptr<Session>& session);

    IoPool& pool_;
    Service& service_;
    const RouteTable& routes_;
    boost::asio::ssl::context* tls_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::mutex sessions_mutex_;
    std::list<std::weak_ptr<Session>> sessions_;
};

}  // namespace frontdoor::http
