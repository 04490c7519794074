#pragma once
// Text shown to a person on a terminal or in Markdown. What a contact or a log holds may carry
// characters that a terminal obeys instead of showing (ESC starts a colour, a cursor move or a
// title change) or that reorder what is shown (U+202E makes "exe.txt" read "txt.exe"); every face
// that prints such text as text passes it through here: the rule checker's diagnostics as rendered
// (frontdoor::render), everything the CLI writes to standard error, the log's lines, and the text
// reports on standard output that quote a pack, a scenario or a contact. JSON output escapes on its
// own and is not passed through here (no text is escaped twice).
#include <string>
#include <string_view>

namespace frontdoor {

// `text` with every character that could act instead of showing written as a visible escape:
// C0 controls other than newline and tab (so ESC, BEL, CR, backspace), DEL and C1 controls as
// \u{1b}, \u{7f}, \u{9b}; the bidirectional controls U+061C, U+200E, U+200F, U+202A to U+202E and
// U+2066 to U+2069 as \u{202e}; each byte that is not part of valid UTF-8 as \x{ff}. A backslash
// itself is kept as it is. Newlines and tabs are kept: they lay the text out.
std::string escape_for_display(std::string_view text);

// The same for text quoted in one line of a log: newlines and tabs are escaped too (\u{a}, \u{9}),
// so that the text can neither end the line nor forge the next one.
std::string escape_for_log_line(std::string_view text);

}  // namespace frontdoor
