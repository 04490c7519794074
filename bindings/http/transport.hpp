#pragma once
// The byte stream every connection runs on, chosen here alone: plain TCP today. TLS (OpenSSL, when
// given a certificate and key) comes in by changing this type and the handshake in Session::start.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>

namespace frontdoor::http {

using Stream = boost::beast::tcp_stream;

}  // namespace frontdoor::http
