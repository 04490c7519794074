// The one helper that puts "a" or "an" before a name in a diagnostic chooses by sound.
#include "dsl/diagnostics.hpp"

#include <catch2/catch.hpp>

using frontdoor::dsl::with_article;

TEST_CASE("with_article: 'an' before a vowel sound, 'a' before a consonant sound", "[diagnostics]") {
    CHECK(with_article("outcome_code") == "an outcome_code");
    CHECK(with_article("indicator") == "an indicator");
    CHECK(with_article("episode") == "an episode");
    CHECK(with_article("optional integer") == "an optional integer");
    CHECK(with_article("referrer") == "a referrer");
    CHECK(with_article("list of flag") == "a list of flag");
    CHECK(with_article("unit") == "a unit");
    CHECK(with_article("user_role") == "a user_role");
    CHECK(with_article("one_off") == "a one_off");
    CHECK(with_article("hour_band") == "an hour_band");
    CHECK(with_article("umbrella") == "an umbrella");
}
