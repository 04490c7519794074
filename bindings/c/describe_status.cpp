// The C interface's words for its statuses, and its versions.
#include "c_handles.hpp"

#include <cstdlib>
#include <cstring>

extern "C" {

const char* fd_status_text(int status) {
    switch (status) {
        case FD_OK: return "ok";
        case FD_REFUSED: return "the contact was refused";
        case FD_PACK_ERRORS: return "the rule pack has errors";
        case FD_BUFFER_TOO_SMALL: return "the buffer is too small for the answer";
        case FD_INVALID_ARGUMENT: return "invalid argument (a null pointer or an index out of range)";
        case FD_NO_MEMORY: return "out of memory";
        case FD_INTERNAL: return "internal error: a bug in Frontdoor";
        default: return "unknown status";
    }
}

int fd_abi_version(void) { return FRONTDOOR_ABI_VERSION; }

const char* fd_engine_version(void) { return frontdoor::engine_version(); }

void fd_free(void* buffer) { std::free(buffer); }

}  // extern "C"

namespace frontdoor::c_abi {

char* copy_for_caller(std::string_view text) {
    auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    if (!text.empty()) std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    return copy;
}

}  // namespace frontdoor::c_abi
