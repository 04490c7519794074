// A streamed request (POST /v1/decisions:batch): the body is read in pieces, only when the batch's
// thread asks for one, and the answers are written as HTTP/1.1 chunks as they are decided, so a
// body of any length is answered in bounded memory. A piece is read only after the answers before
// it were written: a client that does not read its answers finds the server has stopped reading
// too, and is cut off by the write timeout. The time between two pieces is bounded by the request
// deadline: a client that stalls gets the answers of the lines it sent, and the connection closes
// without the last chunk (its client sees the answer cut short); a stall before any answer is 408.
#include "http/answer_request.hpp"
#include "http/json_error.hpp"
#include "http/request_id.hpp"
#include "session.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <spdlog/spdlog.h>

#include <array>
#include <cstdio>
#include <vector>

namespace frontdoor::http {

namespace beast = boost::beast;
namespace asio = boost::asio;

// Bytes of body read at once: the JsonLinesReader's block.
constexpr std::size_t piece_bytes = JsonLinesReader::block_bytes;

struct Session::StreamState {
    std::optional<beast_http::request_parser<beast_http::buffer_body>> parser;
    std::shared_ptr<BatchPipe> pipe;
    StreamDecide decide;
    beast_http::response<beast_http::empty_body> head;
    std::optional<beast_http::response_serializer<beast_http::empty_body>> serializer;
    RequestContext context;
    std::chrono::steady_clock::time_point started;
    std::vector<char> piece = std::vector<char>(piece_bytes);
    std::string answers;     // being written
    std::string chunk_size;  // the chunk's size line
    beast_http::status failure_status = beast_http::status::bad_request;
    bool chunked = true;
    bool head_written = false;
    bool finishing = false;  // the last write: the final chunk
};

namespace {

Response stream_refusal(unsigned version, beast_http::status status, std::string_view message) {
    Request request{beast_http::verb::post, "/", version};
    request.keep_alive(false);
    return error_response(request, status, message);
}

}  // namespace

void Session::begin_stream(const Route& route) {
    ++served_;
    auto state = std::make_unique<StreamState>();
    state->started = std::chrono::steady_clock::now();
    const Request& head = parser_->get();
    state->context.request_id = request_id_for(head["X-Request-Id"]);
    state->context.route = route.pattern;
    std::variant<Response, StreamPlan> plan = [&]() -> std::variant<Response, StreamPlan> {
        try {
            if (auto refusal = refuse_access(service_, routes_, head, state->context)) return std::move(*refusal);
            return route.stream(service_, head, state->context);
        } catch (const std::exception& error) {
            spdlog::error("request {}: internal error: {}", state->context.request_id, error.what());
            return error_response(head, beast_http::status::internal_server_error, "internal error");
        }
    }();
    if (auto* refusal = std::get_if<Response>(&plan)) {
        refusal->set("X-Request-Id", state->context.request_id);
        return refuse_stream(std::move(*refusal), state->context.route);
    }
    auto& accepted = std::get<StreamPlan>(plan);
    state->chunked = head.version() >= 11;
    state->head = beast_http::response<beast_http::empty_body>(std::move(accepted.head.base()));
    state->head.set("X-Request-Id", state->context.request_id);
    state->head.keep_alive(state->chunked && head.keep_alive());
    if (state->chunked) state->head.chunked(true);
    state->decide = std::move(accepted.decide);
    bool expect_continue = beast::iequals(head[beast_http::field::expect], "100-continue");
    state->parser.emplace(std::move(*parser_));
    stream_state_ = std::move(state);
    // The pipe's thread starts reading at once: a client waiting for "100 Continue" gets it first.
    auto start = [self = shared_from_this()] {
        auto& s = *self->stream_state_;
        s.pipe = std::make_shared<BatchPipe>();
        BatchPipe::Peer peer{
            [self] { asio::post(self->stream_.get_executor(), [self] { self->read_piece(); }); },
            [self](std::string answers) {
                asio::post(self->stream_.get_executor(),
                           [self, answers = std::move(answers)]() mutable { self->write_answers(std::move(answers)); });
            },
            [self](StreamOutcome outcome) {
                asio::post(self->stream_.get_executor(), [self, outcome = std::move(outcome)]() mutable {
                    self->on_stream_finished(std::move(outcome));
                });
            }};
        try {
            s.pipe->start(std::move(s.decide), std::move(peer));
        } catch (const std::system_error& error) {
            spdlog::error("request {}: cannot start a batch: {}", s.context.request_id, error.what());
            std::string pattern = s.context.route;
            self->stream_state_.reset();
            self->refuse_stream(
                stream_refusal(11, beast_http::status::service_unavailable, "cannot start a batch now; try again"),
                pattern);
        }
    };
    if (!expect_continue) return start();
    auto interim = std::make_shared<beast_http::response<beast_http::empty_body>>(beast_http::status::continue_, 11);
    beast_http::async_write(stream_, *interim,
                            [self = shared_from_this(), interim, start](beast::error_code error, std::size_t) {
                                if (error) return self->close();
                                start();
                            });
}

// A streamed request refused from its head: the body is not read, so the connection closes after
// the answer (drain_and_close lets the client read it).
void Session::refuse_stream(Response refusal, const std::string& route) {
    release_batch_slot();
    refusal.keep_alive(false);
    service_.metrics.requests.with({route, std::to_string(refusal.result_int())}).add();
    send(std::move(refusal), true);
}

void Session::read_piece() {
    auto& s = *stream_state_;
    if (s.parser->is_done()) return s.pipe->end_of_body();
    s.parser->get().body().data = s.piece.data();
    s.parser->get().body().size = s.piece.size();
    s.parser->get().body().more = true;
    timed_out_ = false;
    arm_read_timer(service_.limits.request_deadline);
    beast_http::async_read_some(
        stream_, buffer_, *s.parser,
        [self = shared_from_this()](beast::error_code error, std::size_t) { self->on_piece(error); });
}

void Session::on_piece(beast::error_code error) {
    read_timer_.cancel();
    auto& s = *stream_state_;
    if (error == beast_http::error::need_buffer) error = {};
    if (error) {
        if (timed_out_) {
            s.failure_status = beast_http::status::request_timeout;
            return s.pipe->fail_read("the body stalled: no bytes for " +
                                     std::to_string(service_.limits.request_deadline.count()) + " ms");
        }
        if (error == beast_http::error::body_limit) {
            s.failure_status = beast_http::status::payload_too_large;
            return s.pipe->fail_read("the body is larger than this route takes");
        }
        bool peer_gone = error == beast_http::error::end_of_stream || error == beast_http::error::partial_message ||
                         error.category() != make_error_code(beast_http::error::bad_method).category();
        if (peer_gone) return s.pipe->broken();
        return s.pipe->fail_read("the body is not valid HTTP/1.1 (" + error.message() + ")");
    }
    std::size_t got = s.piece.size() - s.parser->get().body().size;
    if (got == 0) return read_piece();  // a chunk's framing, no body bytes yet
    s.pipe->feed(std::string(s.piece.data(), got));
}

void Session::write_answers(std::string answers) {
    auto& s = *stream_state_;
    if (closed_) return s.pipe->broken();
    s.answers = std::move(answers);
    write_head_then_chunk();
}

// The answers held in the stream's state go out as a chunk, after the response's head when it has
// not been written yet.
void Session::write_head_then_chunk() {
    auto& s = *stream_state_;
    stream_.expires_after(service_.limits.write_timeout);
    if (s.head_written) return write_chunk();
    s.head_written = true;
    s.serializer.emplace(s.head);
    beast_http::async_write_header(stream_, *s.serializer,
                                   [self = shared_from_this()](beast::error_code error, std::size_t) {
                                       if (error) return self->on_chunk_written(error);
                                       self->write_chunk();
                                   });
}

// One chunk: its size in hex, CR LF, the answers, CR LF; the final chunk is "0" CR LF CR LF, after
// the last answers (a stopped batch's error line) when there are some. HTTP/1.0: the answers bare.
void Session::write_chunk() {
    auto& s = *stream_state_;
    static constexpr std::string_view crlf = "\r\n", last = "\r\n0\r\n\r\n";
    std::array<asio::const_buffer, 3> buffers;
    if (!s.chunked) {
        buffers = {asio::buffer(s.answers), asio::const_buffer(), asio::const_buffer()};
    } else if (s.finishing && s.answers.empty()) {
        buffers = {asio::buffer(last.substr(2)), asio::const_buffer(), asio::const_buffer()};
    } else {
        char size[24];
        std::snprintf(size, sizeof size, "%zx\r\n", s.answers.size());
        s.chunk_size = size;
        buffers = {asio::buffer(s.chunk_size), asio::buffer(s.answers),
                   s.finishing ? asio::buffer(last) : asio::buffer(crlf)};
    }
    asio::async_write(stream_, buffers, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->on_chunk_written(error);
    });
}

void Session::on_chunk_written(beast::error_code error) {
    stream_.expires_never();
    auto& s = *stream_state_;
    s.answers.clear();
    if (s.finishing) {
        if (error) return close();
        return end_stream();
    }
    if (error) {
        close();
        return s.pipe->broken();
    }
    s.pipe->written();
}

void Session::on_stream_finished(StreamOutcome outcome) {
    auto& s = *stream_state_;
    s.pipe.reset();
    release_batch_slot();
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - s.started);
    spdlog::debug("request {} POST {} {} lines decided {} refused {}{} {}us", s.context.request_id, s.context.route,
                  outcome.completed ? "complete" : "cut short", outcome.summary.decided, outcome.summary.refused,
                  outcome.read_failure ? "; " + *outcome.read_failure : std::string(), micros.count());
    auto count = [&](unsigned status) {
        service_.metrics.requests.with({s.context.route, std::to_string(status)}).add();
    };
    if (closed_ || outcome.broken) {
        if (s.head_written) count(200);  // a client gone before any answer is not counted
        return close();
    }
    if (!s.head_written && (outcome.read_failure || outcome.stopped)) {
        // Nothing was answered yet: the request is refused whole, and the connection closes (the
        // rest of the body, if any, is drained).
        Response refusal = outcome.stopped ? std::move(*outcome.stopped)
                                           : stream_refusal(s.head.version(), s.failure_status, *outcome.read_failure);
        refusal.set("X-Request-Id", s.context.request_id);
        std::string route = s.context.route;
        stream_state_.reset();
        return refuse_stream(std::move(refusal), route);
    }
    count(200);
    // Answers already sent cannot be taken back: a body that could not be read to its end cuts the
    // answer short (no last chunk), so that the client sees it is incomplete.
    if (outcome.read_failure) return close();
    s.finishing = true;
    if (outcome.stopped) {
        // The server stopped the batch (its decisions could not be recorded): one last line says
        // why, the answer ends, and the connection closes.
        s.answers = std::move(outcome.stopped->body());
        s.head.keep_alive(false);
    }
    if (served_ >= service_.limits.requests_per_connection || service_.stopping.load()) s.head.keep_alive(false);
    if (!s.chunked && s.answers.empty()) return end_stream();
    write_head_then_chunk();
}

void Session::end_stream() {
    bool keep_alive = stream_state_->head.keep_alive() && stream_state_->chunked;
    stream_state_.reset();
    if (!keep_alive) return drain_and_close();
    read_head();
}

}  // namespace frontdoor::http
