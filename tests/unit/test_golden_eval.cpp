// Golden tests of the language's meaning: each folder under tests/golden/eval holds a small pack
// (pack.rules and any data files), input.json and expected.json (the decision's output fields),
// and explanation.json when the explanation is checked too: its entries and keys in order.
#include "frontdoor/frontdoor.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("golden decisions of small packs", "[golden]") {
    fs::path root = fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden/eval";
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        ++cases;
        INFO("golden case " << entry.path().filename().string());
        auto loaded = frontdoor::Pack::load_directory(entry.path().string());
        INFO(frontdoor::render_all(loaded.diagnostics));
        REQUIRE(loaded.pack);
        frontdoor::Decided decided = loaded.pack->decide(read_text(entry.path() / "input.json"));
        INFO(decided.path << ": " << decided.message);
        REQUIRE_FALSE(decided.refused);
        nlohmann::json actual = nlohmann::json::parse(decided.json);
        CHECK_FALSE(actual["explanation"].empty());
        if (fs::exists(entry.path() / "explanation.json")) {
            auto explanation = nlohmann::ordered_json::parse(decided.json)["explanation"];
            CHECK(explanation.dump(2) == nlohmann::ordered_json::parse(read_text(entry.path() / "explanation.json")).dump(2));
        }
        actual.erase("ruleset");
        actual.erase("explanation");
        nlohmann::json expected = nlohmann::json::parse(read_text(entry.path() / "expected.json"));
        CHECK(actual.dump() == expected.dump());
    }
    REQUIRE(cases >= 4);
}
