// Text patterns keep JSON Schema's (ECMAScript's) meaning when RE2 runs them, run in time linear in
// the text whatever the pattern, and what cannot keep its meaning or run in linear time is refused
// with the reason.
#include "engine/evaluate/pattern.hpp"
#include "dsl/compile_pattern.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using frontdoor::engine::Pattern;

TEST_CASE("the input contract's patterns match as JSON Schema says", "[pattern]") {
    Pattern id("^[A-Za-z0-9._:-]{1,64}$");
    CHECK(id.is_simple());
    CHECK(id.search("C-2024-0001"));
    CHECK_FALSE(id.search("C 2024"));
    CHECK_FALSE(id.search(""));
    CHECK_FALSE(id.search(std::string(65, 'a')));
    CHECK(id.search(std::string(64, 'a')));
    CHECK_FALSE(id.search("abc\n"));  // $ is the end of the text, not before a final newline
    Pattern agency("^[a-z][a-z0-9_]{0,39}$");
    CHECK(agency.search("police"));
    CHECK_FALSE(agency.search("Police"));
    CHECK_FALSE(agency.search("caf\xc3\xa9"));
    CHECK_FALSE(Pattern("(a|b)+").is_simple());
    CHECK_FALSE(Pattern("[a-z]*").is_simple());  // unbounded: RE2, so that the time stays linear
    CHECK(Pattern("(a|b)+").search("xxbxx"));
    CHECK(Pattern("b").search("abc"));  // anywhere in the text, as JSON Schema's pattern
    CHECK_THROWS_AS(Pattern("[a-"), std::invalid_argument);
}

TEST_CASE("constructs whose meaning differs in RE2 keep ECMAScript's", "[pattern]") {
    CHECK_FALSE(Pattern("^.$").search("\n"));
    CHECK_FALSE(Pattern("^.$").search("\r"));
    CHECK_FALSE(Pattern("^.$").search("\xe2\x80\xa8"));  // U+2028
    CHECK(Pattern("^.$").search("\xc3\xa9"));            // one character, two bytes
    CHECK(Pattern("^[^a]$").search("\n"));
    CHECK(Pattern("^\\s$").search("\v"));
    CHECK(Pattern("^\\s$").search("\xc2\xa0"));      // U+00A0 no-break space
    CHECK(Pattern("^\\s$").search("\xef\xbb\xbf"));  // U+FEFF
    CHECK_FALSE(Pattern("^\\S$").search("\v"));
    CHECK(Pattern("^\\S$").search("x"));
    CHECK(Pattern("^[\\S]$").search("x"));
    CHECK_FALSE(Pattern("^[^\\s]$").search(" "));
    CHECK_FALSE(Pattern("^\\d$").search("\xd9\xa3"));  // Arabic-Indic digit three: \d is ASCII
    CHECK_FALSE(Pattern("^\\w$").search("\xc3\xa9"));
    CHECK(Pattern("^[\\b]$").search("\b"));
    CHECK(Pattern("^\\u00e9$").search("\xc3\xa9"));
    CHECK(Pattern("^\\x41\\cJ$").search("A\n"));
    CHECK(Pattern("^[[:alpha:]]$").search(":]"));  // a class of '[', ':', 'a', 'l', 'p', 'h', then ']'
    CHECK_FALSE(Pattern("^[[:alpha:]]$").search("b"));
    CHECK(Pattern("^a{,2}$").search("a{,2}"));  // not a quantifier: literal braces
    CHECK(Pattern("^x]}$").search("x]}"));
    CHECK_FALSE(Pattern("[]").search("a"));
    CHECK(Pattern("^[^]$").search("\n"));
    CHECK(Pattern("^(?<year>\\d{4})$").search("2024"));
    CHECK(Pattern("^a+?$").search("aaa"));
}

TEST_CASE("a pattern that backtracking engines take exponential time on answers at once", "[pattern][linear]") {
    Pattern pattern("^(a|aa)+$");
    CHECK_FALSE(pattern.search(std::string(40, 'a') + "b"));     // 41 characters: 12.9 s with std::regex
    CHECK_FALSE(pattern.search(std::string(29999, 'a') + "b"));  // 30,000: std::regex overflowed its stack
    CHECK(pattern.search(std::string(30000, 'a')));
    Pattern nested("^(a*)*$");
    CHECK_FALSE(nested.search(std::string(30000, 'a') + "!"));
    Pattern wide("[a-z]{0,1000}x");
    CHECK_FALSE(wide.search(std::string(30000, 'a')));
}

namespace {

std::string refusal(const std::string& pattern) { return frontdoor::dsl::compile_pattern(pattern).problem; }

}  // namespace

TEST_CASE("features that cannot keep their meaning or run in linear time are refused with the reason", "[pattern]") {
    using Catch::StartsWith;
    CHECK_THAT(
        refusal("^(a)\\1$"),
        StartsWith(
            "backreferences ('\\1') are not supported: no engine can match them in time proportional to the text (at character 5"));
    CHECK_THAT(refusal("(?<x>a)\\k<x>"), StartsWith("backreferences ('\\k')"));
    CHECK_THAT(refusal("a(?=b)"), StartsWith("lookaround ('(?=') is not supported"));
    CHECK_THAT(refusal("a(?!b)"), StartsWith("lookaround ('(?!') is not supported"));
    CHECK_THAT(refusal("(?<=a)b"), StartsWith("lookaround ('(?<=') is not supported"));
    CHECK_THAT(refusal("(?<!a)b"), StartsWith("lookaround ('(?<!') is not supported"));
    CHECK_THAT(refusal("\\p{L}"), StartsWith("Unicode property classes ('\\p{...}') are not supported"));
    CHECK_THAT(refusal("\\a"), StartsWith("'\\a' is not an escape that patterns support"));
    CHECK_THAT(refusal("(?i)a"), StartsWith("'(?' starts no group that patterns support"));
    CHECK_THAT(refusal("\\uD83D"), StartsWith("surrogate escapes"));
    CHECK_THAT(refusal("a{1001}"), StartsWith("a repetition count above 1000 is not supported"));
    CHECK_THAT(refusal("a{3,2}"), StartsWith("the repetition '{3,2}' has its numbers out of order"));
    CHECK_THAT(refusal("[a-"), StartsWith("the character class '[' is not closed with ']'"));
    CHECK_THAT(refusal("(a"), StartsWith("it is not a valid regular expression (missing )"));
    CHECK_THAT(refusal("((a{100}){10}){10}"),
               StartsWith("it is not a valid regular expression (invalid repetition size: {10})"));
    std::string huge;
    for (int i = 0; i < 30; ++i) huge += "\\S{1000}";
    CHECK(refusal(huge) == "it needs more than the 8 MiB a pattern may use");
    CHECK(refusal("^[A-Za-z0-9._:-]{1,64}$").empty());
}

TEST_CASE("check reports a refused pattern at its string, with the reason", "[pattern]") {
    const char* rules = R"(pack t version "1" [source "s"]
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  code: text matching "^(a)\\1$"
input x: r
output times in office
  code = x.code
)";
    auto loaded = frontdoor::Pack::load_files("t", {{"pack.rules", rules}});
    CHECK_FALSE(loaded.pack);
    CHECK(
        frontdoor::render_all(loaded.diagnostics) ==
        "t/pack.rules:6:23: error: the pattern of 'code' cannot be used: backreferences ('\\1') are not supported: no engine "
        "can match them in time proportional to the text (at character 5 of the pattern)\n"
        "    code: text matching \"^(a)\\\\1$\"\n"
        "                        ^~~~~~~~~~\n");
}

TEST_CASE("the fast matcher agrees with RE2 on random patterns and texts", "[pattern][differential]") {
    std::mt19937 random(20261121);
    const std::vector<std::string> atoms = {"a", "b", "[ab]", "[a-c]", "\\d", "[0-9_]", "\\.", "[.:-]", "\\w", "x"};
    const std::vector<std::string> quantifiers = {"", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}", "{0,64}"};
    const std::vector<std::string> alphabet = {"a", "b", "c", "x", "0",  "1", "9",
                                               "_", ".", ":", "-", "\n", " ", "\xc3\xa9"};
    int simple = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string source = random() % 2 ? "^" : "";
        int count = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < count; ++i)
            source += atoms[random() % atoms.size()] + quantifiers[random() % quantifiers.size()];
        if (random() % 2) source += "$";
        Pattern pattern(source);
        simple += pattern.is_simple();
        auto reference = frontdoor::dsl::compile_pattern(source);
        REQUIRE(reference.regex);
        for (int t = 0; t < 20; ++t) {
            std::string text;
            int length = static_cast<int>(random() % 10);
            for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
            INFO("pattern " << source << " text '" << text << "'");
            REQUIRE(pattern.search(text) == frontdoor::dsl::pattern_search(*reference.regex, text));
        }
    }
    CHECK(simple > 1000);  // the fast matcher is exercised, not only RE2
}
