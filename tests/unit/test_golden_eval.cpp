// Golden tests of the language's meaning: each folder under tests/golden/eval holds a small pack
// (pack.rules and any data files), input.json and expected.json (the decision's output fields),
// and explanation.json when the explanation is checked too: its entries and keys in order. Each
// folder is its own case, golden.eval.<folder>.
#include "frontdoor/frontdoor.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

void decide_folder(const fs::path& folder) {
    auto loaded = frontdoor::Pack::load_directory(folder.string());
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    frontdoor::Decided decided = loaded.pack->decide(read_text(folder / "input.json"));
    INFO(decided.path << ": " << decided.message);
    REQUIRE_FALSE(decided.refused);
    nlohmann::json actual = nlohmann::json::parse(decided.json);
    CHECK_FALSE(actual["explanation"].empty());
    if (fs::exists(folder / "explanation.json")) {
        auto explanation = nlohmann::ordered_json::parse(decided.json)["explanation"];
        CHECK(explanation.dump(2) == nlohmann::ordered_json::parse(read_text(folder / "explanation.json")).dump(2));
    }
    actual.erase("ruleset");
    actual.erase("explanation");
    nlohmann::json expected = nlohmann::json::parse(read_text(folder / "expected.json"));
    CHECK(actual.dump() == expected.dump());
}

const golden::RegisterFolders eval_folders("eval", decide_folder);

}  // namespace

TEST_CASE("golden.eval: each folder is a case of its own", "[golden]") { golden::check_registered("eval", 4); }
