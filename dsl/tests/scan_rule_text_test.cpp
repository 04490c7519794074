// The scanner of rule text agrees with the grammar about where comments and texts start and end:
// on written examples (an escaped backslash before a closing quote, `#` inside a text, CRLF line
// ends, texts the parser refuses) and, differentially, on random strings of the bytes that matter,
// each text and comment it finds parsed by the PEGTL rule it stands for.
#include "dsl/scan_rule_text.hpp"
#include "dsl/grammar.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>

using frontdoor::dsl::RuleTextScanner;
using frontdoor::dsl::RuleTextSegment;
using frontdoor::dsl::SegmentKind;
namespace p = tao::pegtl;

namespace {

// Segments as "kind[begin,end)", "!" after a text without its closing quote.
std::string segments(std::string_view text) {
    std::ostringstream out;
    RuleTextScanner scanner(text);
    for (RuleTextSegment s; scanner.next(s);) {
        out << (s.kind == SegmentKind::code      ? "code"
                : s.kind == SegmentKind::comment ? "comment"
                                                 : "text")
            << "[" << s.begin << "," << s.end << ")" << (s.closed ? "" : "!") << " ";
    }
    return out.str();
}

}  // namespace

TEST_CASE("an escaped backslash before a closing quote ends the text", "[scan]") {
    std::string_view text = R"(x = "back\\"  # note)";
    CHECK(segments(text) == "code[0,4) text[4,12) code[12,14) comment[14,20) ");
    CHECK(frontdoor::dsl::end_of_tokens(text) == 12);
}

TEST_CASE("a # inside a text and an escaped quote do not end or open anything", "[scan]") {
    std::string_view text = "a \"say \\\"hi\\\" # no\" # yes\r\nb";
    CHECK(segments(text) == "code[0,2) text[2,19) code[19,20) comment[20,25) code[25,28) ");
    CHECK(frontdoor::dsl::end_of_tokens(text) == 28);
    CHECK(frontdoor::dsl::end_of_tokens("a # one\n  # two\n\t ") == 1);
}

TEST_CASE("a text the parser refuses ends where the grammar stops reading it", "[scan]") {
    CHECK(segments("\"open\nx") == "text[0,5)! code[5,7) ");
    CHECK(segments("\"bad \\q\" # c") == "text[0,5)! code[5,7) text[7,12)! ");
    CHECK(segments("\"end \\") == "text[0,5)! code[5,6) ");
    CHECK(segments("\"cr\r\"") == "text[0,3)! code[3,4) text[4,5)! ");
}

TEST_CASE("the first token after white space and comments", "[scan]") {
    using frontdoor::dsl::first_token_at;
    CHECK(first_token_at("  # a\n\t\v\f# b\r\n  let x") == 16);
    CHECK(first_token_at("  # only a comment") == 18);
    CHECK(first_token_at("x  \"t\"", 1) == 3);
    CHECK(first_token_at("") == 0);
}

TEST_CASE("the scanner and the grammar agree on random rule text", "[scan]") {
    std::mt19937 random(20240611);
    const char bytes[] = {'"', '\\', '#', 'n', 't', 'a', ' ', '\n', '\r', '('};
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (int n = std::uniform_int_distribution<int>(0, 14)(random); n > 0; --n)
            text += bytes[std::uniform_int_distribution<std::size_t>(0, sizeof bytes - 1)(random)];
        INFO("text: " << text << " segments: " << segments(text));
        {
            p::memory_input<> in(text, "t");
            p::parse<frontdoor::dsl::grammar::skip>(in);
            CHECK(frontdoor::dsl::first_token_at(text) == static_cast<std::size_t>(in.current() - text.data()));
        }
        std::size_t previous_end = 0;
        RuleTextScanner scanner(text);
        for (RuleTextSegment s; scanner.next(s);) {
            REQUIRE(s.begin == previous_end);
            REQUIRE(s.end > s.begin);
            previous_end = s.end;
            p::memory_input<> in(text.data() + s.begin, text.data() + text.size(), "t");
            if (s.kind == SegmentKind::code) {
                CHECK(text.substr(s.begin, s.end - s.begin).find_first_of("#\"") == std::string::npos);
            } else if (s.kind == SegmentKind::comment) {
                REQUIRE(p::parse<frontdoor::dsl::grammar::comment>(in));
                std::string_view rest = std::string_view(text).substr(s.end);
                std::size_t line_end = rest.starts_with("\r\n") ? 2 : rest.starts_with("\n") ? 1 : 0;
                CHECK(static_cast<std::size_t>(in.current() - text.data()) == s.end + line_end);
            } else if (s.closed) {
                REQUIRE(p::parse<frontdoor::dsl::grammar::string_lit>(in));
                CHECK(static_cast<std::size_t>(in.current() - text.data()) == s.end);
            } else {
                try {
                    p::parse<frontdoor::dsl::grammar::string_lit>(in);
                    FAIL("the grammar read a text the scanner left open");
                } catch (const p::parse_error& error) {
                    CHECK(error.positions().front().byte == s.end - s.begin);
                }
            }
        }
        CHECK(previous_end == text.size());
    }
}
