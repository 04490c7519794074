#include "server.hpp"

#include "session.hpp"

#include <boost/asio/post.hpp>

#include <spdlog/spdlog.h>

namespace frontdoor::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Server::Server(IoPool& pool, Service& service, const RouteTable& routes, const tcp::endpoint& endpoint,
               asio::ssl::context* tls)
    : pool_(pool), service_(service), routes_(routes), tls_(tls), acceptor_(pool.first()) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
}

void Server::start_accepting() { accept(); }

void Server::accept() {
    acceptor_.async_accept(pool_.next(), [this](boost::system::error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted || !acceptor_.is_open()) return;
        if (!error) {
            auto session = std::make_shared<Session>(Stream(std::move(socket), tls_), service_, routes_);
            remember(session);
            session->start();
        } else {
            // Out of descriptors, say: this connection is lost, the listener goes on.
            spdlog::warn("accept failed: {}", error.message());
        }
        accept();
    });
}

void Server::remember(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(sessions_mutex_);
    if (sessions_.size() >= 64) sessions_.remove_if([](const auto& weak) { return weak.expired(); });
    sessions_.push_back(session);
}

void Server::stop() {
    asio::post(acceptor_.get_executor(), [this] {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
    });
    std::lock_guard lock(sessions_mutex_);
    for (const auto& weak : sessions_)
        if (auto session = weak.lock()) session->stop_if_idle();
}

}  // namespace frontdoor::http
