#pragma once
// Text shown to a person on a terminal or in Markdown. What a contact or a log holds may carry
// characters that a terminal obeys instead of showing (ESC starts a colour, a cursor move or a
// title change) or that reorder what is shown (U+202E makes "exe.txt" read "txt.exe"); every face
// that prints such text as text passes it through here. JSON output escapes on its own.
#include <string>
#include <string_view>

namespace frontdoor {

// `text` with every character that could act instead of showing written as a visible escape:
// C0 controls other than newline and tab (so ESC, BEL, CR, backspace), DEL and C1 controls as
// \u{1b}, \u{7f}, \u{9b}; the bidirectional controls U+061C, U+200E, U+200F, U+202A to U+202E and
// U+2066 to U+2069 as \u{202e}; each byte that is not part of valid UTF-8 as \x{ff}. A backslash
// itself is kept as it is. Newlines and tabs are kept: they lay the text out.
std::string escape_for_display(std::string_view text);

}  // namespace frontdoor
