#pragma once
// The byte stream every connection runs on: plain TCP, or TLS (OpenSSL through boost::asio::ssl)
// over it when the service was given a certificate and key. The choice is made per server at run
// time, so Session is written once against this one type: it reads and writes through it (it is
// an AsyncReadStream and AsyncWriteStream for Beast), sets write timeouts on its TCP layer, and
// reaches the socket beneath for cancel, shutdown and close.
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <memory>
#include <utility>

namespace frontdoor::http {

class Stream {
public:
    using executor_type = boost::beast::tcp_stream::executor_type;

    // A connection on `socket`, over TLS with `tls` when it is not null.
    Stream(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls) {
        if (tls) tls_ = std::make_unique<boost::beast::ssl_stream<boost::beast::tcp_stream>>(std::move(socket), *tls);
        else plain_ = std::make_unique<boost::beast::tcp_stream>(std::move(socket));
    }

    executor_type get_executor() { return tcp().get_executor(); }
    boost::asio::ip::tcp::socket& socket() { return tcp().socket(); }
    void expires_after(std::chrono::steady_clock::duration timeout) { tcp().expires_after(timeout); }
    void expires_never() { tcp().expires_never(); }
    bool is_tls() const { return tls_ != nullptr; }

    // The server side of the TLS handshake; completes at once, without error, on plain TCP.
    template <typename Handler>
    void async_handshake(Handler&& handler) {
        if (tls_) return tls_->async_handshake(boost::asio::ssl::stream_base::server, std::forward<Handler>(handler));
        boost::asio::post(get_executor(), [handler = std::forward<Handler>(handler)]() mutable {
            handler(boost::beast::error_code{});
        });
    }

    template <typename Buffers, typename Handler>
    auto async_read_some(const Buffers& buffers, Handler&& handler) {
        if (tls_) return tls_->async_read_some(buffers, std::forward<Handler>(handler));
        return plain_->async_read_some(buffers, std::forward<Handler>(handler));
    }

    template <typename Buffers, typename Handler>
    auto async_write_some(const Buffers& buffers, Handler&& handler) {
        if (tls_) return tls_->async_write_some(buffers, std::forward<Handler>(handler));
        return plain_->async_write_some(buffers, std::forward<Handler>(handler));
    }

private:
    boost::beast::tcp_stream& tcp() { return tls_ ? tls_->next_layer() : *plain_; }

    std::unique_ptr<boost::beast::tcp_stream> plain_;
    std::unique_ptr<boost::beast::ssl_stream<boost::beast::tcp_stream>> tls_;
};

}  // namespace frontdoor::http
