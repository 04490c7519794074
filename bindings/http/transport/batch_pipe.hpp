#pragma once
// Where a streamed batch's two sides meet. decide_batch is a blocking loop that pulls the body's
// bytes (a ReadBlock) and pushes answers (a BatchSink); the session reads and writes the connection
// asynchronously. A BatchPipe runs the loop on a thread of its own and turns each pull into "read
// me the next piece" and each push into "write these answers", and waits for the session to say it
// is done. It holds at most one piece of body and one group of answers at a time, and never asks
// for more body while answers are waiting to be written: backpressure from a client that does not
// read reaches the client's sending side.
#include "http/http_types.hpp"

#include "frontdoor/batch.hpp"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace frontdoor::http {

// The work of one streamed batch: reads lines from `read`, hands answers to `sink`, in order.
using StreamDecide = std::function<BatchSummary(ReadBlock read, const BatchSink& sink)>;

// Thrown by a StreamDecide when the batch stops on the server's side (its decisions could not be
// recorded): before any answer was written, `refusal` is the answer; after some were, its body is
// written as the stream's last line and the connection closes.
struct StreamStopped {
    Response refusal;
};

// How a streamed batch ended.
struct StreamOutcome {
    bool completed = false;  // every line was read, decided and its answers written
    bool broken = false;     // the connection failed: nothing more can be written
    // Why the body could not be read to its end (a stall, a bad chunk, the byte limit): the
    // answers of every line before that were written.
    std::optional<std::string> read_failure;
    std::optional<Response> stopped;  // the server stopped the batch (StreamStopped)
    BatchSummary summary;
};

class BatchPipe : public std::enable_shared_from_this<BatchPipe> {
public:
    // What the session does for the batch's thread. Each is called on that thread and must only
    // hand the work to the session's I/O thread.
    struct Peer {
        std::function<void()> read_piece;                     // then feed() or end_of_body()
        std::function<void(std::string answers)> write;       // then written() or broken()
        std::function<void(StreamOutcome outcome)> finished;  // the last call
    };
    // Starts the batch's thread; throws std::system_error when no thread can be made.
    void start(StreamDecide decide, Peer peer);

    // The session's side; thread-safe.
    void feed(std::string piece);     // the piece asked for (never empty)
    void end_of_body();               // the body is complete
    void fail_read(std::string why);  // the body will not come: the batch ends after what was read
    void written();                   // the answers handed to write() are on the wire
    void broken();                    // the connection failed: the batch stops

private:
    void run(const StreamDecide& decide);
    std::size_t read(char* into, std::size_t size);
    void sink(std::string_view answers);

    Peer peer_;  // used by the batch's thread only, and cleared when it ends
    std::mutex mutex_;
    std::condition_variable changed_;
    std::string piece_;
    std::size_t taken_ = 0;
    bool asked_ = false, body_ended_ = false, writing_ = false, broken_ = false;
    std::optional<std::string> read_failure_;
};

}  // namespace frontdoor::http
