// libFuzzer target for input validation: the input is a JSON text read against the bundled sample
// pack's declared input (fuzz_sample_pack.hpp, loaded once) and, when accepted, decided with its
// explanation.
// A refusal is the expected answer to bad input, and to a contact that needs a working day beyond
// the holiday data (refused when it is decided, path ""); a crash, a hang, a sanitizer report, a
// leak, any other refusal at that point, or a decision that is not a JSON object is a bug. The
// compact explanation is checked on the way: the same bytes handed to expand_explanation are
// expanded or refused with std::invalid_argument, never anything else, and an accepted input's
// compact decision expands to exactly its full one.
#include "fuzz_sample_pack.hpp"

#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz_sample_pack();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const frontdoor::Pack& pack = *fuzz_sample_pack();
    try {
        (void)pack.expand_explanation(text);
    } catch (const std::invalid_argument&) {
    }
    frontdoor::ReadResult read = pack.read(text);
    if (!read.input) return 0;
    frontdoor::Decided decided = pack.decide(*read.input);
    if (decided.refused) {
        if (decided.path.empty() && decided.message.find("knows its holidays for") != std::string::npos) return 0;
        std::fprintf(stderr, "accepted input refused when decided: %s: %s\n", decided.path.c_str(),
                     decided.message.c_str());
        std::abort();
    }
    // What a caller receives must be one JSON object.
    nlohmann::json decision = nlohmann::json::parse(decided.json, nullptr, false);
    if (!decision.is_object()) {
        std::fprintf(stderr, "accepted input gave no decision object: %s\n", decided.json.c_str());
        std::abort();
    }
    frontdoor::DecideOptions compact;
    compact.compact_explanation = true;
    frontdoor::Decided shorter = pack.decide(*read.input, compact);
    if (shorter.refused || pack.expand_explanation(shorter.json) != decided.json) {
        std::fprintf(stderr, "a compact decision does not expand to the full one: %s\n", decided.json.c_str());
        std::abort();
    }
    return 0;
}
