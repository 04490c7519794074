// The C interface's decisions: into a buffer the library allocates or one the caller owns, with a
// refusal as a structured value; and the pack's input schema.
#include "c_handles.hpp"

#include <cstdlib>
#include <cstring>

namespace {

using frontdoor::c_abi::copy_for_caller;
using frontdoor::c_abi::guarded;

// Fills `refusal` (when given) from a refused decision; both copies or neither.
void report_refusal(const frontdoor::Decided& decided, fd_refusal* refusal) {
    if (refusal == nullptr) return;
    char* path = copy_for_caller(decided.path);
    char* message = nullptr;
    try {
        message = copy_for_caller(decided.message);
    } catch (...) {
        std::free(path);
        throw;
    }
    refusal->path = path;
    refusal->message = message;
}

bool usable(const fd_pack* pack, const char* json, size_t json_length) {
    return frontdoor::c_abi::LivePacks::live(pack) && (json != nullptr || json_length == 0);
}

frontdoor::Decided decide(const fd_pack* pack, const char* json, size_t json_length, unsigned flags) {
    frontdoor::DecideOptions options;
    options.explain = (flags & FD_DECIDE_EXPLAIN) != 0;
    return pack->pack->decide(std::string_view(json == nullptr ? "" : json, json_length), options);
}

}  // namespace

extern "C" {

int fd_decide(const fd_pack* pack, const char* json, size_t json_length, unsigned flags, char** decision,
              size_t* length, fd_refusal* refusal) {
    return guarded([&] {
        if (decision == nullptr) return static_cast<int>(FD_INVALID_ARGUMENT);
        *decision = nullptr;
        if (length != nullptr) *length = 0;
        if (!usable(pack, json, json_length)) return static_cast<int>(FD_INVALID_ARGUMENT);
        frontdoor::Decided decided = decide(pack, json, json_length, flags);
        if (decided.refused) {
            report_refusal(decided, refusal);
            return static_cast<int>(FD_REFUSED);
        }
        *decision = copy_for_caller(decided.json);
        if (length != nullptr) *length = decided.json.size();
        return static_cast<int>(FD_OK);
    });
}

int fd_decide_into(const fd_pack* pack, const char* json, size_t json_length, unsigned flags, char* buffer,
                   size_t capacity, size_t* length, fd_refusal* refusal) {
    return guarded([&] {
        if (length != nullptr) *length = 0;
        if (!usable(pack, json, json_length) || (buffer == nullptr && capacity > 0)) {
            return static_cast<int>(FD_INVALID_ARGUMENT);
        }
        frontdoor::Decided decided = decide(pack, json, json_length, flags);
        if (decided.refused) {
            report_refusal(decided, refusal);
            return static_cast<int>(FD_REFUSED);
        }
        if (length != nullptr) *length = decided.json.size();
        if (capacity <= decided.json.size()) return static_cast<int>(FD_BUFFER_TOO_SMALL);
        std::memcpy(buffer, decided.json.data(), decided.json.size());
        buffer[decided.json.size()] = '\0';
        return static_cast<int>(FD_OK);
    });
}

void fd_refusal_clear(fd_refusal* refusal) {
    if (refusal == nullptr) return;
    std::free(refusal->path);
    std::free(refusal->message);
    refusal->path = nullptr;
    refusal->message = nullptr;
}

int fd_pack_schema(const fd_pack* pack, char** schema, size_t* length) {
    return guarded([&] {
        if (schema == nullptr) return static_cast<int>(FD_INVALID_ARGUMENT);
        *schema = nullptr;
        if (length != nullptr) *length = 0;
        if (!frontdoor::c_abi::LivePacks::live(pack)) return static_cast<int>(FD_INVALID_ARGUMENT);
        std::string text = pack->pack->input_schema();
        *schema = copy_for_caller(text);
        if (length != nullptr) *length = text.size();
        return static_cast<int>(FD_OK);
    });
}

}  // extern "C"
