// libFuzzer target for the workspace's POST routes (docs/workspace.md, bindings/http/workspace/):
// the input is a route's path on its first line and the request body after it. The target wraps
// them in one well-formed request (its Content-Length, the decide role's token, application/x-ndjson
// for :impact and application/json otherwise) and hands it to the same parser, route table, auth
// check and handlers `frontdoor workspace` uses (http::answer_bytes), so the fuzzer's time goes
// into the bodies the routes read; the framing is fuzz_http_request's. The workspace is a scratch
// copy of the bundled sample pack in a temporary directory, removed at exit. The token holds the
// decide role alone: the routes that write (save, accept and publish, admin's) answer 403, so the
// copy is never written and every run sees the same files. Every answer is checked as
// fuzz_http_request checks its own (fuzz_http_answer.hpp), 409 documented too (docs/workspace.md:
// the impact of a decision log without --record).
// One mutation in eight nests a value of the body deeper (nest_deeper): byte mutations alone
// hardly ever make JSON nested deeper and still valid, as a closing bracket must come with each
// opening one, and it is valid JSON nested thousands deep that once overflowed the stack.
#include "fuzz_http_answer.hpp"
#include "fuzz_sample_pack.hpp"

#include "http/routes.hpp"
#include "http/service.hpp"
#include "http/transport/answer_bytes.hpp"
#include "http/workspace/workspace.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace http = frontdoor::http;

// A copy of the sample pack in a directory of its own under TMPDIR, removed with it at exit.
struct ScratchPack {
    fs::path directory;
    ScratchPack() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp ? tmp : "/tmp") + "/fuzz_http_workspace-XXXXXX";
        if (!mkdtemp(pattern.data())) {
            std::perror("fuzz_http_workspace: mkdtemp");
            std::abort();
        }
        directory = fs::path(pattern) / "pack";
        fs::copy(FRONTDOOR_SAMPLE_PACK_DIR, directory, fs::copy_options::recursive);
    }
    ~ScratchPack() {
        std::error_code ignored;
        fs::remove_all(directory.parent_path(), ignored);
    }
};

struct Fixture {
    ScratchPack scratch;
    http::Service service{load_fuzz_pack(scratch.directory.string()), fuzz_http::fuzz_tokens("fuzz_http_workspace"),
                          http::ServiceLimits{}};
    http::Workspace workspace{scratch.directory.string(), "", "", "", ""};
    http::RouteTable routes = http::make_routes();
    Fixture() { service.workspace = &workspace; }
};

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

// The request the input stands for: POST to its first line, its body the rest.
std::string request_of(std::string_view input) {
    std::size_t end = input.find('\n');
    std::string_view path = input.substr(0, end);
    std::string_view body = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    bool json_lines = path.rfind("/v1/workspace:impact", 0) == 0;
    std::string request = "POST " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                          "Authorization: Bearer fuzz-token\r\nContent-Type: " +
                          (json_lines ? "application/x-ndjson" : "application/json") +
                          "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    return request.append(body);
}

// Wraps one bracketed value of the body (from a '[' or '{' to the bracket that closes it) in more
// arrays, as many as `max_size` leaves room for at most, so that valid JSON stays valid and nests
// as deep as the length limit allows; 0 when the body has no such value or no room is left.
std::size_t nest_deeper(std::uint8_t* data, std::size_t size, std::size_t max_size, std::minstd_rand& random) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t body = input.find('\n');
    if (body == std::string_view::npos) return 0;
    std::vector<std::size_t> opening;
    for (std::size_t at = body; at < size; ++at)
        if (input[at] == '[' || input[at] == '{') opening.push_back(at);
    if (opening.empty()) return 0;
    std::size_t begin = opening[random() % opening.size()];
    std::size_t end = begin;
    for (int depth = 0; end < size; ++end) {
        if (input[end] == '[' || input[end] == '{') ++depth;
        if ((input[end] == ']' || input[end] == '}') && --depth == 0) break;
    }
    if (end == size) return 0;
    if (size + 2 > max_size) return 0;
    std::size_t levels = 1 + random() % ((max_size - size) / 2);
    std::string nested(input.substr(0, begin));
    nested.append(levels, '[').append(input.substr(begin, end + 1 - begin)).append(levels, ']');
    nested.append(input.substr(end + 1));
    std::copy(nested.begin(), nested.end(), data);
    return nested.size();
}

}  // namespace

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
    std::minstd_rand random(seed);
    if (random() % 8 == 0)
        if (std::size_t nested = nest_deeper(data, size, max_size, random)) return nested;
    return LLVMFuzzerMutate(data, size, max_size);
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string response = http::answer_bytes(fixture().service, fixture().routes, request_of(input));
    static const std::set<int> documented = [] {
        std::set<int> statuses = fuzz_http::serve_statuses();
        statuses.insert(409);
        return statuses;
    }();
    fuzz_http::check_answer(response, documented);
    return 0;
}
