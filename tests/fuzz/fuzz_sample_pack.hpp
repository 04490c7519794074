#pragma once
// The pack every fuzz target works against: the bundled sample pack, from the directory
// tests/fuzz/CMakeLists.txt names (FRONTDOOR_SAMPLE_PACK_DIR), loaded once, before any input is
// tried; or a copy of it, by load_fuzz_pack (fuzz_http_workspace's scratch workspace).
#include "frontdoor/frontdoor.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

// The pack in `directory`; a pack that does not load stops the target with its diagnostics.
inline std::shared_ptr<const frontdoor::Pack> load_fuzz_pack(const std::string& directory) {
    frontdoor::LoadResult result = frontdoor::Pack::load_directory(directory);
    if (!result.pack) {
        std::fputs(frontdoor::render_all(result.diagnostics).c_str(), stderr);
        std::abort();
    }
    return result.pack;
}

inline std::shared_ptr<const frontdoor::Pack> fuzz_sample_pack() {
    static const std::shared_ptr<const frontdoor::Pack> pack = load_fuzz_pack(FRONTDOOR_SAMPLE_PACK_DIR);
    return pack;
}
