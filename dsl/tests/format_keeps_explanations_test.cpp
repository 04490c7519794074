// Formatting a pack leaves every explanation byte-identical (docs/language.md promises it): each
// golden eval pack decides its input the same, explanation text and all, before and after `fmt`,
// at the canonical width and at a narrow one that breaks nearly every condition over lines. Only
// the digest, which hashes the files' text, may differ.
#include "dsl/format_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include "formatted_pack.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

using format_test::Files;
using format_test::formatted;
using format_test::without;

TEST_CASE("formatting a golden eval pack leaves its decision and explanation byte-identical", "[golden][fmt]") {
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden/eval")) {
        if (!entry.is_directory()) continue;
        ++cases;
        INFO("golden case " << entry.path().filename().string());
        auto before = frontdoor::Pack::load_directory(entry.path().string());
        INFO(frontdoor::render_all(before.diagnostics));
        REQUIRE(before.pack);
        std::string input = read_text(entry.path() / "input.json");
        frontdoor::Decided expected = before.pack->decide(input);
        REQUIRE_FALSE(expected.refused);
        for (int width : {frontdoor::dsl::canonical_width, 30}) {
            INFO("width " << width);
            auto after = frontdoor::Pack::load_files(entry.path().string(), formatted(before.pack->files(), width));
            INFO(frontdoor::render_all(after.diagnostics));
            REQUIRE(after.pack);
            frontdoor::Decided actual = after.pack->decide(input);
            REQUIRE_FALSE(actual.refused);
            CHECK(without(actual.json, after.pack->digest()) == without(expected.json, before.pack->digest()));
        }
    }
    REQUIRE(cases >= 5);
}
