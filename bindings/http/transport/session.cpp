#include "session.hpp"

#include "http/answer_request.hpp"
#include "http/decisions/record_decisions.hpp"
#include "http/json_error.hpp"
#include "response_head.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <spdlog/spdlog.h>

#include <cstdint>
#include <limits>

namespace frontdoor::http {

namespace beast = boost::beast;
namespace asio = boost::asio;

namespace {

// A request that failed before it could be routed gets an answer on an HTTP/1.1 close.
Response refusal(beast_http::status status, std::string_view message) {
    Request request{beast_http::verb::get, "/", 11};
    request.keep_alive(false);
    return error_response(request, status, message);
}

// The answer of a request that took longer than its deadline, server-side: try again.
Response too_late(const Response& computed) {
    Request request{beast_http::verb::post, "/", computed.version()};
    request.keep_alive(computed.keep_alive());
    Response response = error_response(request, beast_http::status::service_unavailable,
                                       "the request could not be answered within its deadline; try again");
    response.set(beast_http::field::retry_after, "1");
    response.set("X-Request-Id", computed["X-Request-Id"]);
    return response;
}

}  // namespace

Session::Session(Stream stream, Service& service, const RouteTable& routes)
    : stream_(std::move(stream)), read_timer_(stream_.get_executor()), service_(service), routes_(routes) {
    service_.open_connections.fetch_add(1);
    // Beast reads as much as the buffer has room for, at least 512 bytes: a contact's request (some
    // 600 bytes with its head) took two reads. Room for a typical request up front makes it one
    // (1.05 recvmsg a request against 1.66); 4 MiB at the default 1,024 connections.
    buffer_.reserve(4096);
}

Session::~Session() {
    release_batch_slot();
    service_.open_connections.fetch_sub(1);
}

bool Session::take_batch_slot() {
    if (service_.batches_in_flight.fetch_add(1) >= service_.limits.concurrent_batches) {
        service_.batches_in_flight.fetch_sub(1);
        return false;
    }
    holds_batch_slot_ = true;
    return true;
}

void Session::release_batch_slot() {
    if (holds_batch_slot_) service_.batches_in_flight.fetch_sub(1);
    holds_batch_slot_ = false;
}

void Session::start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        // A TLS handshake (none on plain TCP) must end within the read timeout; a peer that is not
        // speaking TLS (plain HTTP to an HTTPS port) fails it and is closed.
        self->stream_.expires_after(self->service_.limits.read_timeout);
        self->stream_.async_handshake([self](beast::error_code error) {
            self->stream_.expires_never();
            if (error) return self->close();
            self->begin();
        });
    });
}

void Session::begin() {
    if (service_.open_connections.load() > service_.limits.connections) {
        Response response = refusal(beast_http::status::service_unavailable, "too many connections; try again");
        response.set(beast_http::field::retry_after, "1");
        return send(std::move(response));
    }
    read_head();
}

void Session::stop_if_idle() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        if (self->reading_head_ && self->buffer_.size() == 0 && !self->parser_->got_some()) self->close();
    });
}

void Session::arm_read_timer(std::chrono::milliseconds timeout) {
    read_timer_.expires_after(timeout);
    read_timer_.async_wait([self = shared_from_this()](beast::error_code error) {
        if (error) return;  // cancelled: the read finished first
        self->timed_out_ = true;
        beast::error_code ignored;
        self->stream_.socket().cancel(ignored);
    });
}

void Session::read_head() {
    if (service_.stopping.load() && buffer_.size() == 0) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(service_.limits.header_bytes));
    // The largest body any route takes; the route's own limit is applied once the head is read.
    if (service_.limits.batch_body_bytes == 0) parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    else parser_->body_limit(std::max(service_.limits.body_bytes, service_.limits.batch_body_bytes));
    reading_head_ = true;
    timed_out_ = false;
    arm_read_timer(service_.limits.read_timeout);
    beast_http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code error, std::size_t) { self->on_head(error); });
}

void Session::on_head(beast::error_code error) {
    reading_head_ = false;
    read_timer_.cancel();
    if (error) return on_read_error(error);
    const auto& head = parser_->get();
    head_arrived_ = std::chrono::steady_clock::now();
    auto match = routes_.find(head.method(), target_path(head.target()));
    bool batch = match.route && match.route->batch_body;
    if (batch && !take_batch_slot()) {
        Response response = refusal(beast_http::status::service_unavailable, "too many batches at once; try again");
        response.set(beast_http::field::retry_after, "1");
        return send(std::move(response));
    }
    // A batch's byte limit of 0 is none: a streamed batch's memory does not grow with its body.
    std::size_t limit = batch ? service_.limits.batch_body_bytes : service_.limits.body_bytes;
    if (auto length = parser_->content_length(); limit && length && *length > limit)
        return on_read_error(beast_http::error::body_limit);
    if (limit) parser_->body_limit(limit);
    else parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    if (match.route && match.route->stream) return begin_stream(*match.route);
    arm_read_timer(service_.limits.request_deadline);
    if (beast::iequals(head[beast_http::field::expect], "100-continue")) return send_continue();
    read_body();
}

// curl and other clients wait for "100 Continue" before sending a body of more than a kilobyte.
void Session::send_continue() {
    auto interim = std::make_shared<beast_http::response<beast_http::empty_body>>(beast_http::status::continue_, 11);
    beast_http::async_write(stream_, *interim,
                            [self = shared_from_this(), interim](beast::error_code error, std::size_t) {
                                if (error) return self->close();
                                self->read_body();
                            });
}

void Session::read_body() {
    beast_http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code read_error, std::size_t) { self->on_body(read_error); });
}

void Session::on_body(beast::error_code error) {
    read_timer_.cancel();
    if (error) return on_read_error(error);
    Request request = parser_->release();
    ++served_;
    RequestContext context;
    Response response = answer_request(service_, routes_, request, context);
    // The deadline bounds the whole request, from its head to its answer: a body that came late was
    // 408 (on_read_error); an answer ready late (a slow decision) is 503 with Retry-After. A decision
    // whose record has committed is answered however late: the log holds it, so the client must get
    // it, or a retry would record the contact twice and the log would hold a decision never received.
    auto deadline = head_arrived_ + service_.limits.request_deadline;
    if (context.finish) {
        // A recorded decision: sent from this connection's I/O thread once its record has committed.
        return context.finish(std::move(response), [self = shared_from_this(), deadline](Response final_response) {
            asio::post(self->stream_.get_executor(),
                       [self, deadline, final_response = std::move(final_response)]() mutable {
                           bool recorded = final_response.find(record_id_header) != final_response.end();
                           if (!recorded && std::chrono::steady_clock::now() > deadline)
                               final_response = too_late(final_response);
                           self->release_batch_slot();
                           self->send(std::move(final_response), true);
                       });
        });
    }
    if (std::chrono::steady_clock::now() > deadline) response = too_late(response);
    release_batch_slot();
    send(std::move(response), true);
}

void Session::on_read_error(beast::error_code error) {
    if (timed_out_) {
        bool idle = !parser_->got_some() && buffer_.size() == 0;
        if (idle) return close();
        return send(refusal(beast_http::status::request_timeout, "the request did not arrive in time"));
    }
    if (error == beast_http::error::header_limit)
        return send(refusal(beast_http::status::request_header_fields_too_large, "the request head is too large"));
    if (error == beast_http::error::body_limit)
        return send(refusal(beast_http::status::payload_too_large, "the body is larger than this route takes"));
    // The peer went away (closed, half-closed mid-request, reset): there is no one to answer.
    bool peer_gone = error == beast_http::error::end_of_stream || error == beast_http::error::partial_message ||
                     error.category() != make_error_code(beast_http::error::bad_method).category();
    if (!peer_gone) return send(refusal(beast_http::status::bad_request, "not an HTTP/1.1 request"));
    close();
}

void Session::send(Response response, bool counted) {
    if (!counted) service_.metrics.requests.with({"unrouted", std::to_string(response.result_int())}).add();
    if (served_ >= service_.limits.requests_per_connection || service_.stopping.load()) response.keep_alive(false);
    bool keep_alive = response.keep_alive();
    response_ = std::move(response);
    stream_.expires_after(service_.limits.write_timeout);
    auto written = [self = shared_from_this(), keep_alive](beast::error_code error, std::size_t) {
        self->on_written(keep_alive, error);
    };
    if (response_->chunked()) return beast_http::async_write(stream_, *response_, std::move(written));
    // The head in one string and the body as it is: one gather write (response_head.hpp).
    head_ = response_head(*response_);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head_), asio::buffer(response_->body())};
    asio::async_write(stream_, buffers, std::move(written));
}

void Session::on_written(bool keep_alive, beast::error_code error) {
    stream_.expires_never();
    response_.reset();
    head_.clear();
    if (error) return close();
    if (!keep_alive) return drain_and_close();
    read_head();
}

// Closing a socket with unread bytes makes the kernel reset the connection, and a client still
// sending a body too large would lose the 413 sent to it. So the server stops sending, reads and
// drops what still comes, for at most the read timeout, and then closes.
void Session::drain_and_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    timed_out_ = false;
    arm_read_timer(std::min(service_.limits.read_timeout, std::chrono::milliseconds(2000)));
    drain();
}

void Session::drain() {
    stream_.async_read_some(asio::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                                if (error) return self->close();
                                self->drain();
                            });
}

void Session::close() {
    if (closed_) return;
    closed_ = true;
    read_timer_.cancel();
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
}

}  // namespace frontdoor::http
