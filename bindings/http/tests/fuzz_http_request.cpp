// libFuzzer target for the service's request path: the input is the raw bytes a client sends on a
// connection (request line, headers, body), handed to the same Boost.Beast parser, route table,
// auth check and handlers `frontdoor serve` uses (http::answer_bytes, the socket-free seam of a
// Session), with the bundled sample pack active (fuzz_sample_pack.hpp) and a tokens file granting
// "fuzz-token" the decide role. Every answer must be one HTTP/1.1 response with a status the
// service documents (docs/service.md), never 500 (an exception escaping a handler), and a JSON body
// wherever it says application/json (fuzz_http_answer.hpp); a crash, a hang, a leak or a sanitizer
// report is a bug too. The workspace's routes are fuzz_http_workspace's.
#include "fuzz_http_answer.hpp"
#include "fuzz_sample_pack.hpp"

#include "http/routes.hpp"
#include "http/service.hpp"
#include "http/transport/answer_bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace http = frontdoor::http;

struct Fixture {
    http::Service service{fuzz_sample_pack(), fuzz_http::fuzz_tokens("fuzz_http_request"), http::ServiceLimits{}};
    http::RouteTable routes = http::make_routes();
};

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string response = http::answer_bytes(fixture().service, fixture().routes, bytes);
    fuzz_http::check_answer(response, fuzz_http::serve_statuses());
    return 0;
}
