#pragma once
// What the C interface's opaque handles hold, the registry of the handles given out, and the one
// guard every fd_* call runs in, so that no C++ exception crosses into C.
#include "frontdoor/frontdoor.h"
#include "frontdoor/frontdoor.hpp"

#include <memory>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_set>
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

// The handles of one kind given out and not yet freed. Every call checks its handle here, so a
// pointer to a freed (or never given) handle is refused (FD_INVALID_ARGUMENT; a second free does
// nothing) instead of being used. Detectable only until the address is given to a new handle of
// the same kind. Only pointers are compared: the freed memory itself is never read. Thread-safe.
template <class Handle>
class LiveHandles {
public:
    // Registers `handle` and hands it over to the caller (null stays null).
    static Handle* give(std::unique_ptr<Handle> handle) {
        if (!handle) return nullptr;
        std::unique_lock lock(mutex());
        handles().insert(handle.get());
        return handle.release();
    }
    static bool live(const Handle* handle) {
        if (handle == nullptr) return false;
        std::shared_lock lock(mutex());
        return handles().count(handle) != 0;
    }
    // Deletes `handle` if it is live; does nothing for null, a freed or an unknown pointer.
    static void free(Handle* handle) {
        if (handle == nullptr) return;
        {
            std::unique_lock lock(mutex());
            if (handles().erase(handle) == 0) return;
        }
        delete handle;
    }

private:
    static std::shared_mutex& mutex() {
        static std::shared_mutex m;
        return m;
    }
    static std::unordered_set<const Handle*>& handles() {
        static std::unordered_set<const Handle*> set;
        return set;
    }
};

using LivePacks = LiveHandles<fd_pack>;
using LiveDiagnostics = LiveHandles<fd_diagnostics>;

// A malloc'd, NUL-terminated copy of `text` (released with fd_free); throws std::bad_alloc.
char* copy_for_caller(std::string_view text);

}  // namespace frontdoor::c_abi
