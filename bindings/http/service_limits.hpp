#pragma once
// Every limit of the decision service, with its default, in this one place. `frontdoor serve
// --help` prints these defaults and docs/service.md explains each; a request past a limit gets a
// JSON error body with its status (413, 431, 408, 503), never a crash or a hang.
#include <chrono>
#include <cstddef>

namespace frontdoor::http {

struct ServiceLimits {
    // Bytes in the body of POST /v1/decisions (one contact): the engine's document limit.
    std::size_t body_bytes = 4 << 20;
    // Bytes in the body of POST /v1/decisions:batch. The batch body is held whole while it is
    // decided (docs/service.md, "Batches"), so this bounds its memory.
    std::size_t batch_body_bytes = 64 << 20;
    // Batches being read or decided at once; one more is answered 503 with Retry-After. With the
    // batch body limit this bounds the memory batches take (docs/service.md, "Batches").
    std::size_t concurrent_batches = 2;
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
    // Time for a request's body to arrive once its head has.
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
