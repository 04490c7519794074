#pragma once
// Every limit of the decision service, with its default, in this one place. `frontdoor serve
// --help` prints these defaults and docs/service.md explains each; a request past a limit gets a
// JSON error body with its status (413, 431, 408, 503), never a crash or a hang.
#include <chrono>
#include <cstddef>

namespace frontdoor::http {

// The longest any of the times below may be set to: a day. Longer ones overflowed the clock's
// nanoseconds (--request-deadline-ms 10000000000000 put every deadline in the past: every request
// 503) and mean nothing for a request anyway.
constexpr std::chrono::milliseconds longest_time_limit{86'400'000};

struct ServiceLimits {
    // Bytes in the body of POST /v1/decisions (one contact): the engine's document limit.
    std::size_t body_bytes = 4 << 20;
    // Bytes in the body of POST /v1/decisions:batch; 0: no limit. The batch body is streamed (read in
    // pieces, answered in chunks), so its memory does not grow with it (docs/service.md, "Batches").
    std::size_t batch_body_bytes = 0;
    // Batches being read or decided at once, each on a thread of its own; one more is answered 503
    // with Retry-After. Each holds a few hundred KiB of body and answers (docs/service.md, "Batches").
    std::size_t concurrent_batches = 2;
    // Threads that decide one batch, in chunks of 256 lines, answered in order (BatchOptions::threads);
    // `frontdoor serve --batch-threads` defaults to the cores the server may use.
    unsigned batch_threads = 1;
    // Bytes in the request line and headers together.
    std::size_t header_bytes = 16 << 10;
    // Connections open at once; one more is answered 503 with Retry-After and closed.
    std::size_t connections = 1024;
    // Requests answered on one keep-alive connection before the server closes it.
    std::size_t requests_per_connection = 10'000;
    // Time for a whole request head to arrive, counted from the end of the previous response (or the
    // connection's start): also how long an idle keep-alive connection is kept. A client sending one
    // byte a second (slowloris) is cut off with 408 when it runs out.
    std::chrono::milliseconds read_timeout{10'000};
    // Time for a response to be written; a client that never reads is cut off when it runs out.
    std::chrono::milliseconds write_timeout{10'000};
    // Time from a request's head to its answer: a body that arrives later is 408, an answer ready
    // later is 503 with Retry-After. For a streamed batch: the longest wait for the next piece of
    // body once the server asks for it (docs/service.md, "Limits").
    std::chrono::milliseconds request_deadline{30'000};
    // How long a graceful stop waits for requests in flight before closing their connections.
    std::chrono::milliseconds stop_grace{10'000};
    // With --record: decisions waiting for the decision log or being committed. A request that
    // finds the queue full is answered 503 with Retry-After (decision_recorder.hpp).
    std::size_t record_queue = 4096;
    // With --record: most decisions appended in one transaction (one disk sync).
    std::size_t record_group = 512;
};

}  // namespace frontdoor::http
