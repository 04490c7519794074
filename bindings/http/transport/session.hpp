#pragma once
// One connection: reads requests one at a time (head, then body, each against its limit and time),
// answers each through answer_request, and closes after an error, after the requests-per-connection
// limit, or when the service stops. Every failure of the peer (garbage bytes, a half-closed
// connection, a client that never reads) ends this connection only.
#include "batch_pipe.hpp"
#include "http/routes.hpp"
#include "http/service.hpp"
#include "transport.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace frontdoor::http {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Stream stream, Service& service, const RouteTable& routes);
    ~Session();
    // Starts serving on the session's I/O thread; a connection over the cap is answered 503 and closed.
    void start();
    // Closes the connection now if it is waiting for a request that has not begun (graceful stop).
    // Thread-safe: runs on the session's I/O thread.
    void stop_if_idle();

private:
    void begin();
    void read_head();
    void on_head(boost::beast::error_code error);
    void send_continue();
    void read_body();
    void on_body(boost::beast::error_code error);
    void on_read_error(boost::beast::error_code error);
    // `counted`: answer_request has counted it in the metrics already; else it counts as "unrouted".
    void send(Response response, bool counted = false);
    void on_written(bool keep_alive, boost::beast::error_code error);
    void arm_read_timer(std::chrono::milliseconds timeout);
    void drain_and_close();
    void drain();
    void close();
    bool take_batch_slot();
    void release_batch_slot();

    // A streamed body (session_stream.cpp): read in pieces for a BatchPipe, answered in chunks.
    void begin_stream(const Route& route);
    void refuse_stream(Response refusal, const std::string& route);
    void read_piece();
    void on_piece(boost::beast::error_code error);
    void write_answers(std::string answers);
    void write_head_then_chunk();
    void write_chunk();
    void on_chunk_written(boost::beast::error_code error);
    void on_stream_finished(StreamOutcome outcome);
    void end_stream();

    Stream stream_;
    boost::asio::steady_timer read_timer_;
    boost::beast::flat_buffer buffer_;
    std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
    // When the request's head arrived: the whole request is answered by then plus the deadline.
    std::chrono::steady_clock::time_point head_arrived_;
    // The answer being written: its head's bytes (response_head.hpp) and the response, for its body.
    std::optional<Response> response_;
    std::string head_;
    Service& service_;
    const RouteTable& routes_;
    std::array<char, 4096> drain_buffer_;
    std::size_t served_ = 0;
    bool reading_head_ = false;
    bool holds_batch_slot_ = false;
    bool timed_out_ = false;
    bool closed_ = false;

    // The streamed request in progress, if any (session_stream.cpp).
    struct StreamState;
    std::shared_ptr<StreamState> stream_state_;  // shared: its type is complete in session_stream.cpp only
};

}  // namespace frontdoor::http
