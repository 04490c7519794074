#include "publish_client.hpp"

#include "http/serve.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/ssl.h>

namespace frontdoor::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// Runs one asynchronous step to its end (the stream's expiry bounds it) and returns its error.
template <typename Start>
boost::system::error_code run_step(asio::io_context& io, Start start) {
    boost::system::error_code result = asio::error::would_block;
    start([&result](boost::system::error_code error, auto&&...) { result = error; });
    io.restart();
    io.run();
    return result;
}

template <typename Stream>
ServiceAnswer exchange_with_service(asio::io_context& io, Stream& stream, beast::tcp_stream& layer,
                                    const Request& request, std::chrono::milliseconds timeout) {
    ServiceAnswer answer;
    layer.expires_after(timeout);
    if (auto error = run_step(io, [&](auto done) { beast_http::async_write(stream, request, done); })) {
        answer.problem = "cannot send the request: " + error.message();
        return answer;
    }
    beast::flat_buffer buffer;
    beast_http::response_parser<beast_http::string_body> parser;
    parser.body_limit(8u << 20);
    layer.expires_after(timeout);
    if (auto error = run_step(io, [&](auto done) { beast_http::async_read(stream, buffer, parser, done); })) {
        answer.problem = "no answer: " + error.message();
        return answer;
    }
    answer.status = parser.get().result_int();
    answer.body = parser.get().body();
    return answer;
}

}  // namespace

std::optional<ServiceUrl> parse_service_url(const std::string& text, std::string& problem) {
    ServiceUrl url;
    std::string rest;
    if (text.rfind("http://", 0) == 0) rest = text.substr(7);
    else if (text.rfind("https://", 0) == 0) url.https = true, rest = text.substr(8);
    else {
        problem = "give the service's address as http://127.0.0.1:PORT or https://HOST[:PORT], not '" + text + "'";
        return std::nullopt;
    }
    while (!rest.empty() && rest.back() == '/') rest.pop_back();
    if (rest.empty() || rest.find_first_of("/?#@ ") != std::string::npos) {
        problem = "'" + text + "' is not a service's base address (scheme, host and port, no path)";
        return std::nullopt;
    }
    std::size_t colon = rest.rfind(':');
    if (rest.front() == '[') {
        std::size_t close = rest.find(']');
        if (close == std::string::npos || (close + 1 < rest.size() && rest[close + 1] != ':')) {
            problem = "'" + text + "': an IPv6 host is written [::1]:PORT";
            return std::nullopt;
        }
        url.host = rest.substr(1, close - 1);
        colon = close + 1 < rest.size() ? close + 1 : std::string::npos;
    } else {
        url.host = rest.substr(0, colon);
    }
    url.port = colon == std::string::npos ? (url.https ? "443" : "80") : rest.substr(colon + 1);
    if (url.host.empty() || url.port.empty() || url.port.find_first_not_of("0123456789") != std::string::npos) {
        problem = "'" + text + "' has no host or a port that is not a number";
        return std::nullopt;
    }
    bool loopback = false;
    try {
        loopback = is_loopback_host(url.host);
    } catch (const ServeError&) {
        loopback = false;  // a host name: fine for https, never for plain http
    }
    if (!url.https && !loopback) {
        problem = "'" + text + "': plain http only to a loopback address; use https:// for another host";
        return std::nullopt;
    }
    url.text = (url.https ? "https://" : "http://") + rest;
    return url;
}

ServiceAnswer call_service(const ServiceUrl& service, beast_http::verb method, const std::string& path,
                           const std::string& token, std::chrono::milliseconds timeout) {
    ServiceAnswer answer;
    try {
        asio::io_context io;
        tcp::resolver resolver(io);
        boost::system::error_code error;
        auto endpoints = resolver.resolve(service.host, service.port, error);
        if (error) {
            answer.problem = "cannot resolve " + service.host + ": " + error.message();
            return answer;
        }
        Request request{method, path, 11};
        request.set(beast_http::field::host, service.host);
        request.set(beast_http::field::user_agent, "frontdoor-workspace");
        if (!token.empty()) request.set(beast_http::field::authorization, "Bearer " + token);
        request.prepare_payload();
        if (!service.https) {
            beast::tcp_stream stream(io);
            stream.expires_after(timeout);
            if ((error = run_step(io, [&](auto done) { stream.async_connect(endpoints, done); }))) {
                answer.problem = "cannot connect to " + service.text + ": " + error.message();
                return answer;
            }
            return exchange_with_service(io, stream, stream, request, timeout);
        }
        asio::ssl::context tls(asio::ssl::context::tls_client);
        tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
        tls.set_default_verify_paths();
        tls.set_verify_mode(asio::ssl::verify_peer);
        beast::ssl_stream<beast::tcp_stream> stream(io, tls);
        stream.set_verify_callback(asio::ssl::host_name_verification(service.host));
        if (!SSL_set_tlsext_host_name(stream.native_handle(), service.host.c_str())) {
            answer.problem = "cannot set the TLS server name " + service.host;
            return answer;
        }
        auto& layer = beast::get_lowest_layer(stream);
        layer.expires_after(timeout);
        if ((error = run_step(io, [&](auto done) { layer.async_connect(endpoints, done); }))) {
            answer.problem = "cannot connect to " + service.text + ": " + error.message();
            return answer;
        }
        layer.expires_after(timeout);
        if ((error = run_step(io, [&](auto done) { stream.async_handshake(asio::ssl::stream_base::client, done); }))) {
            answer.problem = "TLS with " + service.text + " failed: " + error.message();
            return answer;
        }
        return exchange_with_service(io, stream, layer, request, timeout);
    } catch (const std::exception& error) {
        answer.problem = std::string("calling ") + service.text + " failed: " + error.what();
        return answer;
    }
}

}  // namespace frontdoor::http
