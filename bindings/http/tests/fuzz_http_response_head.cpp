// libFuzzer target for the service's response head (http::response_head, transport/response_head.hpp):
// a session writes a response as that head and the body in one gather write, instead of through
// Boost.Beast's serializer, so the two must give the same bytes. The input makes one response (status
// code, version, reason phrase, fields set and inserted, repeated or not, and a body) and the target
// (Beast takes versions 1 to 99) checks response_head + body against Beast's own serialization of it, byte for byte.
// Chunked responses are framed by Beast's serializer in the session, so they are not compared.
#include "http/http_types.hpp"
#include "http/transport/response_head.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace http = frontdoor::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider input(data, size);
    http::Response response;
    response.result(input.ConsumeIntegralInRange<unsigned>(0, 999));
    response.version(input.ConsumeBool() ? 11 : input.ConsumeIntegralInRange<unsigned>(1, 99));
    if (input.ConsumeBool()) response.reason(input.ConsumeRandomLengthString(64));
    unsigned fields = input.ConsumeIntegralInRange<unsigned>(0, 12);
    for (unsigned i = 0; i < fields; ++i) {
        std::string value = input.ConsumeRandomLengthString(256);
        switch (input.ConsumeIntegralInRange<int>(0, 3)) {
            case 0: response.set(input.ConsumeRandomLengthString(32), value); break;
            case 1: response.insert(input.ConsumeRandomLengthString(32), value); break;
            case 2: response.set(http::beast_http::field::content_type, value); break;
            default: response.keep_alive(input.ConsumeBool()); break;
        }
    }
    response.body() = input.ConsumeRemainingBytesAsString();
    if (response.chunked()) return 0;

    std::ostringstream beast;
    beast << response;
    std::string ours = http::response_head(response) + response.body();
    if (ours != beast.str()) {
        std::fprintf(stderr, "response_head differs from Beast's serializer:\n--- Beast\n%s\n--- ours\n%s\n",
                     beast.str().c_str(), ours.c_str());
        std::abort();
    }
    return 0;
}
