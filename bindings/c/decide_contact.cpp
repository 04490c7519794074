// The C interface's decisions: into a buffer the library allocates or one the caller owns, with a
// refusal as a structured value; the pack's input schema; the compact explanation's dictionary and
// its expansion.
#include "c_handles.hpp"

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

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

// A flag the header does not define, or FD_DECIDE_COMPACT without FD_DECIDE_EXPLAIN, is refused:
// never ignored, never guessed at.
bool known_flags(unsigned flags) {
    if ((flags & ~(FD_DECIDE_EXPLAIN | FD_DECIDE_COMPACT)) != 0) return false;
    return (flags & FD_DECIDE_COMPACT) == 0 || (flags & FD_DECIDE_EXPLAIN) != 0;
}

bool usable(const fd_pack* pack, const char* json, size_t json_length, unsigned flags) {
    return frontdoor::c_abi::LivePacks::live(pack) && (json != nullptr || json_length == 0) && known_flags(flags);
}

frontdoor::Decided decide(const fd_pack* pack, const char* json, size_t json_length, unsigned flags) {
    frontdoor::DecideOptions options;
    options.explain = (flags & FD_DECIDE_EXPLAIN) != 0;
    options.compact_explanation = (flags & FD_DECIDE_COMPACT) != 0;
    return pack->pack->decide(std::string_view(json == nullptr ? "" : json, json_length), options);
}

// `text` in a new buffer for the caller, its length in *length when asked.
int hand_over(const std::string& text, char** out, size_t* length) {
    *out = copy_for_caller(text);
    if (length != nullptr) *length = text.size();
    return FD_OK;
}

// One of a live pack's texts (`text_of(pack)`) in a new buffer for the caller: the schema, the
// explanation dictionary.
template <typename TextOf>
int hand_over_pack_text(const fd_pack* pack, TextOf text_of, char** out, size_t* length) {
    return guarded([&] {
        if (out == nullptr) return static_cast<int>(FD_INVALID_ARGUMENT);
        *out = nullptr;
        if (length != nullptr) *length = 0;
        if (!frontdoor::c_abi::LivePacks::live(pack)) return static_cast<int>(FD_INVALID_ARGUMENT);
        return hand_over(text_of(*pack->pack), out, length);
    });
}

}  // namespace

extern "C" {

int fd_decide(const fd_pack* pack, const char* json, size_t json_length, unsigned flags, char** decision,
              size_t* length, fd_refusal* refusal) {
    return guarded([&] {
        if (decision == nullptr) return static_cast<int>(FD_INVALID_ARGUMENT);
        *decision = nullptr;
        if (length != nullptr) *length = 0;
        if (!usable(pack, json, json_length, flags)) return static_cast<int>(FD_INVALID_ARGUMENT);
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
        if (!usable(pack, json, json_length, flags) || (buffer == nullptr && capacity > 0)) {
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
    return hand_over_pack_text(
        pack, [](const frontdoor::Pack& p) { return p.input_schema(); }, schema, length);
}

int fd_pack_explanation_dictionary(const fd_pack* pack, char** dictionary, size_t* length) {
    return hand_over_pack_text(
        pack, [](const frontdoor::Pack& p) { return p.explanation_dictionary(); }, dictionary, length);
}

int fd_pack_expand_explanation(const fd_pack* pack, const char* decision, size_t decision_length, char** expanded,
                               size_t* length) {
    return guarded([&] {
        if (expanded == nullptr) return static_cast<int>(FD_INVALID_ARGUMENT);
        *expanded = nullptr;
        if (length != nullptr) *length = 0;
        if (!usable(pack, decision, decision_length, 0)) return static_cast<int>(FD_INVALID_ARGUMENT);
        std::string text;
        try {
            text =
                pack->pack->expand_explanation(std::string_view(decision == nullptr ? "" : decision, decision_length));
        } catch (const std::invalid_argument&) {
            return static_cast<int>(FD_INVALID_ARGUMENT);  // not one of this pack's decisions
        }
        return hand_over(text, expanded, length);
    });
}

}  // extern "C"
