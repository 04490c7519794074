// Text shown on a terminal or in Markdown: controls and bidirectional marks become visible
// escapes, everything else is kept byte for byte (issue #11 section 5).
#include "frontdoor/display_text.hpp"

#include <catch2/catch.hpp>

using frontdoor::escape_for_display;

TEST_CASE("control characters are shown as escapes, not obeyed", "[display]") {
    CHECK(escape_for_display("Unit \x1b[31m5") == "Unit \\u{1b}[31m5");
    CHECK(escape_for_display("a\rb\bc\x07") == "a\\u{d}b\\u{8}c\\u{7}");
    CHECK(escape_for_display(std::string("nul\0here", 8)) == "nul\\u{0}here");
    CHECK(escape_for_display("del\x7f") == "del\\u{7f}");
    CHECK(escape_for_display("csi\xc2\x9b"
                             "2J") == "csi\\u{9b}2J");  // U+009B, the C1 CSI
}

TEST_CASE("bidirectional controls are shown as escapes", "[display]") {
    CHECK(escape_for_display("txt\u202eexe") == "txt\\u{202e}exe");
    for (const char* mark :
         {"\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"})
        CHECK(escape_for_display(mark).rfind("\\u{", 0) == 0);
}

TEST_CASE("bytes that are not UTF-8 are shown as escapes", "[display]") {
    CHECK(escape_for_display("a\xff"
                             "b") == "a\\x{ff}b");
    CHECK(escape_for_display("\x9b"
                             "2J") == "\\x{9b}2J");                        // a raw C1 byte
    CHECK(escape_for_display("\xc0\x80") == "\\x{c0}\\x{80}");             // an overlong NUL
    CHECK(escape_for_display("\xed\xa0\x80") == "\\x{ed}\\x{a0}\\x{80}");  // a surrogate
    CHECK(escape_for_display("\xe2\x80") == "\\x{e2}\\x{80}");             // cut short
}

TEST_CASE("ordinary text, newlines and tabs are kept as they are", "[display]") {
    std::string text = "Zoë — 👧 Unit 5 (Hackney South)\n\tline two \\u{1b} literal";
    CHECK(escape_for_display(text) == text);
    CHECK(escape_for_display("") == "");
}

TEST_CASE("a log line escapes newlines and tabs too, so quoted text cannot forge a line", "[display]") {
    using frontdoor::escape_for_log_line;
    CHECK(escape_for_log_line("a\nfrontdoor: error: forged\tb") == "a\\u{a}frontdoor: error: forged\\u{9}b");
    CHECK(escape_for_log_line("Unit \x1b[31m5\r") == "Unit \\u{1b}[31m5\\u{d}");
    CHECK(escape_for_log_line("Zoë \xff") == "Zoë \\x{ff}");
}
