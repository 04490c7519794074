#pragma once
// What the C interface's opaque handles hold, and the one guard every fd_* call runs in, so that no
// C++ exception crosses into C.
#include "frontdoor/frontdoor.h"
#include "frontdoor/frontdoor.hpp"

#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

struct fd_pack {
    std::shared_ptr<const frontdoor::Pack> pack;
};

struct fd_diagnostics {
    std::vector<frontdoor::Diagnostic> items;
    std::vector<std::string> rendered;  // render(items[i]), kept for the caller's pointers
};

namespace frontdoor::c_abi {

// Runs `body` (which returns an fd_status) and turns any exception into a status: running out of
// memory is FD_NO_MEMORY, anything else a bug (FD_INTERNAL).
template <class Body>
int guarded(Body&& body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return FD_NO_MEMORY;
    } catch (...) {
        return FD_INTERNAL;
    }
}

// A malloc'd, NUL-terminated copy of `text` (released with fd_free); throws std::bad_alloc.
char* copy_for_caller(std::string_view text);

}  // namespace frontdoor::c_abi
