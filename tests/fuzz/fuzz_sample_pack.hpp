#pragma once
// The pack every fuzz target works against: the bundled sample pack, from the directory
// tests/fuzz/CMakeLists.txt names (FRONTDOOR_SAMPLE_PACK_DIR), loaded once. A pack that does not
// load stops the target with its diagnostics, before any input is tried.
#include "frontdoor/frontdoor.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

inline std::shared_ptr<const frontdoor::Pack> fuzz_sample_pack() {
    static const std::shared_ptr<const frontdoor::Pack> pack = [] {
        frontdoor::LoadResult result = frontdoor::Pack::load_directory(FRONTDOOR_SAMPLE_PACK_DIR);
        if (!result.pack) {
            std::fputs(frontdoor::render_all(result.diagnostics).c_str(), stderr);
            std::abort();
        }
        return result.pack;
    }();
    return pack;
}
