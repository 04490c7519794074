#include "standard_error.hpp"

#include "frontdoor/display_text.hpp"

#include <iostream>
#include <mutex>

namespace frontdoor::cli {

namespace {

// How many bytes at the end of `text` start a UTF-8 sequence that is not finished yet: held back
// until the rest is written, so that a character written in two pieces is not shown as two escapes.
std::size_t unfinished_sequence(const std::string& text) {
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if ((byte & 0xc0) == 0x80) continue;  // a continuation byte: look further back
        std::size_t length = (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xe ? 3 : (byte >> 3) == 0x1e ? 4 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

}  // namespace

void EscapedStandardError::install() {
    // Never destroyed: std::cerr may still be written to while the program's statics are.
    static auto* filter = new EscapedStandardError(std::cerr.rdbuf());
    std::cerr.rdbuf(filter);
}

EscapedStandardError::int_type EscapedStandardError::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char one = traits_type::to_char_type(c);
    xsputn(&one, 1);
    return c;
}

std::streamsize EscapedStandardError::xsputn(const char* data, std::streamsize size) {
    std::lock_guard lock(mutex_);
    pending_.append(data, static_cast<std::size_t>(size));
    return size;
}

int EscapedStandardError::sync() {
    std::lock_guard lock(mutex_);
    std::size_t held = unfinished_sequence(pending_);
    std::string shown = escape_for_display(std::string_view(pending_).substr(0, pending_.size() - held));
    pending_.erase(0, pending_.size() - held);
    if (out_->sputn(shown.data(), static_cast<std::streamsize>(shown.size())) !=
        static_cast<std::streamsize>(shown.size()))
        return -1;
    return out_->pubsync();
}

}  // namespace frontdoor::cli
