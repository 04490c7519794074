// Differential libFuzzer target for the one-pass contact reader (engine/input/read_in_one_pass.hpp):
// each input is read against the bundled sample pack's declared input (loaded once) both
// ways. It is a bug, and the target aborts, when the one-pass reader accepts what the two-pass
// reader refuses, or builds a value that is not identical to the two-pass reader's (on the heap or
// in a decision's arena), or when
// read_input (one pass, else two) answers anything but what the two-pass reader answers: acceptance
// with an identical value, or the same refusal path and message.
// It is a white-box test of the input stage, so it lives beside the stage and sees the source root;
// it is built and run with the other fuzz targets (tests/fuzz/CMakeLists.txt), from read_input's
// seeds and dictionary.
#include "fuzz_sample_pack.hpp"

#include "engine/evaluate/decision_arena.hpp"
#include "engine/input/read_in_one_pass.hpp"
#include "engine/input/read_input.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace {

using frontdoor::engine::InputRefusal;
using frontdoor::engine::Value;

const frontdoor::engine::CompiledPack& sample_pack() { return frontdoor::PackAccess::compiled(*fuzz_sample_pack()); }

std::string describe(const std::optional<InputRefusal>& refusal) {
    return refusal ? refusal->path + ": " + refusal->message : "accepted";
}

[[noreturn]] void differ(const char* what, const std::string& expected) {
    std::fprintf(stderr, "the readers differ: %s (the two-pass reader: %s)\n", what, expected.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)sample_pack();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& pack = sample_pack();
    Value two_pass;
    std::string expected = describe(frontdoor::engine::read_input_two_pass(pack, text, two_pass));
    Value fast;
    if (frontdoor::engine::read_in_one_pass(pack, text, fast)) {
        if (expected != "accepted") differ("the one-pass reader accepted", expected);
        if (!frontdoor::engine::identical(fast, two_pass)) differ("the one-pass reader built another value", expected);
        // In an arena, as a decision reads its contact: the same value.
        static frontdoor::engine::DecisionArena arena;
        Value in_arena;
        if (!frontdoor::engine::read_in_one_pass(pack, text, in_arena, &arena))
            differ("the one-pass reader gave up in an arena", expected);
        if (!frontdoor::engine::identical(in_arena, two_pass))
            differ("the one-pass reader built another value in an arena", expected);
        arena.reset();
    }
    Value read;
    std::string answer = describe(frontdoor::engine::read_input(pack, text, read));
    if (answer != expected) differ(("read_input answered " + answer).c_str(), expected);
    if (answer == "accepted" && !frontdoor::engine::identical(read, two_pass))
        differ("read_input built another value", expected);
    return 0;
}
