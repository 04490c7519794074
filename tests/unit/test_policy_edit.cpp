// A policy lead's edit needs no rebuild: copy the Hackney pack, lower the level-3 threshold from
// three level-2 indicators to two and move `bullying` from level 2 to level 4, then see decisions
// change and the scenarios that now fail named.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/testing.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

std::vector<std::string> failing(const frontdoor::TestReport& report) {
    std::vector<std::string> out;
    for (const auto& s : report.scenarios)
        if (!s.passed) out.push_back(s.file);
    return out;
}

}  // namespace

TEST_CASE("a policy lead's threshold edit changes decisions and names the scenarios it breaks", "[policy]") {
    fs::path original = fs::path(FRONTDOOR_SOURCE_DIR) / "rules/hackney";
    fs::path copy = fs::temp_directory_path() / ("frontdoor-policy-edit-" + std::to_string(::getpid()));
    fs::remove_all(copy);
    fs::create_directories(copy);
    for (const auto& entry : fs::directory_iterator(original))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), copy / entry.path().filename());

    std::string thresholds = read_text(copy / "thresholds.rules");
    replace_once(thresholds, "let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2");
    replace_once(thresholds, "\"speech_language_delay\", \"bullying\",", "\"speech_language_delay\",");
    replace_once(thresholds, "\"risk_person_in_household\", \"severe_neglect_harm\"\n  ]",
                 "\"risk_person_in_household\", \"severe_neglect_harm\", \"bullying\"\n  ]");
    std::ofstream(copy / "thresholds.rules", std::ios::binary) << thresholds;

    auto before = frontdoor::Pack::load_directory(original.string());
    auto after = frontdoor::Pack::load_directory(copy.string());
    REQUIRE(before.pack);
    REQUIRE(after.pack);
    CHECK(before.pack->digest() != after.pack->digest());

    // Two level-2 indicators: early help before, complex needs (level 3) after.
    std::string two_level_2 = R"({"contact_id":"P1","received_at":"2024-06-03T10:00:00+01:00","channel":"phone",
        "request_type":"concern","referrer":{"source":"2A"},"child":{"child_id":"K1"},
        "indicators":["poor_housing","young_carer"],"consent":{"parent":"given"}})";
    CHECK(before.pack->decide(two_level_2).json.find(R"("level_of_need":2)") != std::string::npos);
    CHECK(after.pack->decide(two_level_2).json.find(R"("level_of_need":3)") != std::string::npos);
    // Bullying alone: level 2 before, level 4 after.
    std::string bullying = R"({"contact_id":"P2","received_at":"2024-06-03T10:00:00+01:00","channel":"phone",
        "request_type":"concern","referrer":{"source":"2A"},"child":{"child_id":"K2"},"indicators":["bullying"]})";
    CHECK(before.pack->decide(bullying).json.find(R"("level_of_need":2)") != std::string::npos);
    CHECK(after.pack->decide(bullying).json.find(R"("level_of_need":4)") != std::string::npos);

    auto report_before = frontdoor::run_scenarios(*before.pack, (original / "scenarios").string());
    auto report_after = frontdoor::run_scenarios(*after.pack, (original / "scenarios").string());
    CHECK(report_before.failed() == 0);
    auto names = failing(report_after);
    CHECK_THAT(names, Catch::Matchers::VectorContains(std::string("024-two-level-2-indicators-stay-level-2.json")));
    CHECK_THAT(names, Catch::Matchers::VectorContains(std::string("092-form-easter-saturday.json")));
    for (const auto& s : report_after.scenarios) {
        if (s.file != "024-two-level-2-indicators-stay-level-2.json") continue;
        REQUIRE_FALSE(s.mismatches.empty());
        CHECK(s.mismatches.front().field == "level_of_need");
        CHECK(s.mismatches.front().expected == "2");
        CHECK(s.mismatches.front().actual == "3");
    }
    fs::remove_all(copy);
}
