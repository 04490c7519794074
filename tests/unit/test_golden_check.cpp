// Golden tests for `frontdoor check`: each folder under tests/golden/check holds a pack and the
// exact diagnostics (with carets) that loading it must print.
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

TEST_CASE("golden diagnostics of frontdoor check", "[golden]") {
    fs::path root = fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden/check";
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        ++cases;
        std::string name = entry.path().filename().string();
        std::ifstream expected_file(entry.path() / "expected.txt");
        std::stringstream expected;
        expected << expected_file.rdbuf();
        auto previous = fs::current_path();
        fs::current_path(root);
        frontdoor::LoadResult result = frontdoor::Pack::load_directory(name);
        fs::current_path(previous);
        std::string actual = frontdoor::render_all(result.diagnostics);
        std::size_t errors = 0;
        for (const auto& d : result.diagnostics) errors += d.severity == frontdoor::Severity::error;
        if (errors) actual += std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in " + name + "\n";
        INFO("golden case " << name);
        CHECK(actual == expected.str());
        CHECK(result.pack == nullptr);
    }
    REQUIRE(cases >= 6);
}

TEST_CASE("the Hackney pack loads without errors and decides a contact", "[pack]") {
    auto result = frontdoor::Pack::load_directory(std::string(FRONTDOOR_SOURCE_DIR) + "/rules/hackney");
    REQUIRE(result.pack != nullptr);
    CHECK(result.pack->name() == "hackney_mash");
    auto decided = result.pack->decide(R"({"contact_id":"C1","received_at":"2024-03-30T20:00:00Z","channel":"form",
        "request_type":"concern","referrer":{"source":"2A"},"child":{"child_id":"K1","birth_date":"2012-05-01"},
        "indicators":["bullying"],"consent":{"parent":"given"}})");
    REQUIRE_FALSE(decided.refused);
    CHECK(decided.json.find(R"("clock_start":"2024-04-02T09:00:00+01:00")") != std::string::npos);
    CHECK(decided.json.find(R"("code":"early_help_screening")") != std::string::npos);
    auto refused = result.pack->decide(R"({"contact_id":"C1","received_at":"2024-03-30T20:00:00","channel":"form",
        "request_type":"concern","referrer":{"source":"2A"},"child":{"child_id":"K1"}})");
    CHECK(refused.refused);
    CHECK(refused.path == "/received_at");
    auto misspelt = result.pack->decide(R"({"contact_id":"C1","received_at":"2024-03-30T20:00:00Z","channel":"form",
        "request_type":"concern","referrer":{"source":"2A"},"child":{"child_id":"K1","episodez":[]}})");
    CHECK(misspelt.refused);
    CHECK(misspelt.path == "/child/episodez");
    CHECK(misspelt.message.find("did you mean 'episodes'?") != std::string::npos);
}
