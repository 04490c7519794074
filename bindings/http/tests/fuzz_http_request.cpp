// libFuzzer target for the service's request path: the input is the raw bytes a client sends on a
// connection (request line, headers, body), handed to the same Boost.Beast parser, route table,
// auth check and handlers `frontdoor serve` uses (http::answer_bytes, the socket-free seam of a
// Session), with the bundled sample pack active (fuzz_sample_pack.hpp) and a tokens file granting
// "fuzz-token" the decide role. Every answer must be one HTTP/1.1 response with a status the
// service documents (docs/service.md), never 500 (an exception escaping a handler), and a JSON body
// wherever it says application/json; a crash, a hang, a leak or a sanitizer report is a bug too.
#include "fuzz_sample_pack.hpp"

#include "http/auth.hpp"
#include "http/routes.hpp"
#include "http/service.hpp"
#include "http/transport/answer_bytes.hpp"

#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace {

namespace http = frontdoor::http;

// A tokens file in the temporary directory, as an operator would write one.
http::TokenTable fuzz_tokens() {
    std::string path =
        std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/fuzz_http_request.tokens";
    std::ofstream(path) << http::token_hash("fuzz-token") << " decide\n"
                        << http::token_hash("fuzz-admin") << " audit,admin\n";
    return http::TokenTable::load(path);
}

struct Fixture {
    http::Service service{fuzz_sample_pack(), fuzz_tokens(), http::ServiceLimits{}};
    http::RouteTable routes = http::make_routes();
};

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

[[noreturn]] void fail(const char* what, const std::string& response) {
    std::fprintf(stderr, "%s:\n%s\n", what, response.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string response = http::answer_bytes(fixture().service, fixture().routes, bytes);
    static const std::set<int> documented = {200, 400, 401, 403, 404, 405, 408, 413, 415, 422, 431, 503};
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) fail("not an HTTP/1.1 response", response);
    int status = std::atoi(response.substr(9, 3).c_str());
    if (!documented.count(status)) fail("an undocumented status", response);
    auto head_end = response.find("\r\n\r\n");
    if (head_end == std::string::npos) fail("a response without the end of its head", response);
    std::string_view head(response.data(), head_end);
    if (head.find("Content-Type: application/json\r\n") != std::string_view::npos) {
        auto body = nlohmann::json::parse(response.substr(head_end + 4), nullptr, false);
        if (!body.is_object()) fail("an application/json body that is not one JSON object", response);
    }
    return 0;
}
