// The fast pattern matcher must agree with std::regex (ECMAScript) on every pattern it accepts:
// a randomized differential check over generated patterns and texts.
#include "engine/pattern.hpp"

#include <catch2/catch.hpp>

#include <random>

using frontdoor::engine::Pattern;

TEST_CASE("the input contract's patterns take the fast path and match as JSON Schema says", "[pattern]") {
    Pattern id("^[A-Za-z0-9._:-]{1,64}$");
    CHECK(id.is_simple());
    CHECK(id.search("C-2024-0001"));
    CHECK_FALSE(id.search("C 2024"));
    CHECK_FALSE(id.search(""));
    CHECK_FALSE(id.search(std::string(65, 'a')));
    CHECK(id.search(std::string(64, 'a')));
    CHECK_FALSE(id.search("abc\n"));
    Pattern agency("^[a-z][a-z0-9_]{0,39}$");
    CHECK(agency.search("police"));
    CHECK_FALSE(agency.search("Police"));
    CHECK_FALSE(agency.search("caf\xc3\xa9"));
    CHECK_FALSE(Pattern("(a|b)+").is_simple());
    CHECK(Pattern("(a|b)+").search("xxbxx"));
    CHECK_THROWS_AS(Pattern("[a-"), std::regex_error);
}

TEST_CASE("fast patterns agree with std::regex on random patterns and texts", "[pattern][differential]") {
    std::mt19937 random(20261121);
    const std::vector<std::string> atoms = {"a", "b", "[ab]", "[a-c]", "\\d", "[0-9_]", "\\.", "[.:-]", "\\w", "x"};
    const std::vector<std::string> quantifiers = {"", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}"};
    const std::string alphabet = "abcx019_.:-\n ";
    int simple = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string source = random() % 2 ? "^" : "";
        int count = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < count; ++i) source += atoms[random() % atoms.size()] + quantifiers[random() % quantifiers.size()];
        if (random() % 2) source += "$";
        Pattern pattern(source);
        simple += pattern.is_simple();
        std::regex reference(source, std::regex::ECMAScript);
        for (int t = 0; t < 20; ++t) {
            std::string text;
            int length = static_cast<int>(random() % 8);
            for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
            INFO("pattern " << source << " text '" << text << "'");
            REQUIRE(pattern.search(text) == std::regex_search(text, reference));
        }
    }
    CHECK(simple == 3000);
}
