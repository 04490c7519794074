// Golden tests for `frontdoor check`: each folder under tests/golden/check holds a pack and the
// exact diagnostics (with carets) that loading it must print, each folder its own case
// (golden.check.<folder>). When expected.txt ends with the count of errors ("2 errors in <folder>")
// the pack must not load; without that line (warnings only, or nothing) it must load.
#include "frontdoor/frontdoor.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

namespace fs = std::filesystem;

namespace {

// The line `frontdoor check` ends with when a pack has errors: "1 error in <name>".
std::string error_count_line(std::size_t errors, const std::string& name) {
    return std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in " + name + "\n";
}

// Whether a golden expectation ends with that line, i.e. whether its pack must fail to load.
bool ends_with_error_count(const std::string& expected, const std::string& name) {
    static const std::regex count_line(R"((^|\n)[1-9][0-9]* errors? in ([^\n]*)\n$)");
    std::smatch match;
    return std::regex_search(expected, match, count_line) && match[2] == name;
}

// Loads the pack from the folder's parent, so that diagnostics name "<folder>/pack.rules" wherever
// the tests run; the working directory is restored however the load ends.
frontdoor::LoadResult load_from_parent(const fs::path& folder) {
    struct WorkingDirectory {
        fs::path previous = fs::current_path();
        ~WorkingDirectory() { fs::current_path(previous); }
    } restore;
    fs::current_path(folder.parent_path());
    return frontdoor::Pack::load_directory(folder.filename().string());
}

void check_folder(const fs::path& folder) {
    std::string name = folder.filename().string();
    std::string expected = read_text(folder / "expected.txt");
    frontdoor::LoadResult result = load_from_parent(folder);
    std::string actual = frontdoor::render_all(result.diagnostics);
    std::size_t errors = 0;
    for (const auto& d : result.diagnostics) errors += d.severity == frontdoor::Severity::error;
    if (errors) actual += error_count_line(errors, name);
    CHECK(actual == expected);
    bool must_load = !ends_with_error_count(expected, name);
    INFO(name << (must_load ? " has no error count, so its pack must load"
                            : " ends with an error count, so its pack must not load"));
    CHECK((result.pack != nullptr) == must_load);
}

const golden::RegisterFolders check_folders("check", check_folder);

}  // namespace

TEST_CASE("golden.check: each folder is a case of its own, some load with warnings only", "[golden]") {
    golden::check_registered("check", 12);
    std::size_t warning_only = 0;
    for (const auto& folder : golden::entries("check")) {
        if (!fs::is_directory(folder)) continue;
        std::string expected = read_text(folder / "expected.txt");
        warning_only += !ends_with_error_count(expected, folder.filename().string()) &&
                        expected.find(": warning: ") != std::string::npos;
    }
    INFO("golden check folders whose pack loads with warnings");
    CHECK(warning_only >= 2);
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
