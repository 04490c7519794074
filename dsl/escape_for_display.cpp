// escape_for_display and escape_for_log_line (include/frontdoor/display_text.hpp): one pass over
// UTF-8, escaping what a terminal or a Markdown viewer would act on instead of showing. Here, in the
// language front end, because the rule checker's diagnostics are rendered through it (render), and
// every later stage and face links the front end.
#include "frontdoor/display_text.hpp"

#include <cstdint>
#include <cstdio>

namespace frontdoor {

namespace {

bool acts_instead_of_showing(std::uint32_t c, bool keep_layout) {
    if (keep_layout && (c == '\n' || c == '\t')) return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

// The length of the valid UTF-8 sequence at the start of `text` and its code point; 0 when the
// first byte does not start one (a stray continuation byte, an overlong form, a surrogate).
std::size_t decode(std::string_view text, std::uint32_t& c) {
    auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    std::uint8_t first = byte(0);
    std::size_t length = first < 0x80           ? 1
                         : (first >> 5) == 0x6  ? 2
                         : (first >> 4) == 0xe  ? 3
                         : (first >> 3) == 0x1e ? 4
                                                : 0;
    if (length == 0 || length > text.size()) return 0;
    c = length == 1 ? first : first & (0x7f >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xc0) != 0x80) return 0;
        c = (c << 6) | (byte(i) & 0x3f);
    }
    static const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < smallest[length] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return 0;
    return length;
}

// `text` escaped; keep_layout: newlines and tabs kept (display) or escaped too (a log line).
std::string escaped(std::string_view text, bool keep_layout) {
    std::string out;
    out.reserve(text.size());
    char escape[16];
    while (!text.empty()) {
        std::uint32_t c = 0;
        std::size_t length = decode(text, c);
        if (length == 0) {
            std::snprintf(escape, sizeof escape, "\\x{%02x}",
                          static_cast<unsigned>(static_cast<std::uint8_t>(text[0])));
            out += escape;
            length = 1;
        } else if (acts_instead_of_showing(c, keep_layout)) {
            std::snprintf(escape, sizeof escape, "\\u{%x}", static_cast<unsigned>(c));
            out += escape;
        } else {
            out.append(text.substr(0, length));
        }
        text.remove_prefix(length);
    }
    return out;
}

}  // namespace

std::string escape_for_display(std::string_view text) { return escaped(text, true); }

std::string escape_for_log_line(std::string_view text) { return escaped(text, false); }

}  // namespace frontdoor
