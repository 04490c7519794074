// Golden tests of `test`'s coverage: each folder under tests/golden/coverage holds a pack
// (pack.rules), its scenarios/ and expected.txt, one line per rule of the pack as `frontdoor test
// --coverage` lists it, without its file:line:col: "covered row v, row urgent_case". Each folder is
// its own case, golden.coverage.<folder>.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/testing.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

void cover_folder(const fs::path& folder) {
    auto loaded = frontdoor::Pack::load_directory(folder.string());
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    frontdoor::TestReport report = frontdoor::run_scenarios(*loaded.pack, (folder / "scenarios").string());
    std::string actual;
    for (const auto& result : report.scenarios) actual += (result.passed ? "pass " : "FAIL ") + result.file + "\n";
    for (const auto& item : report.coverage)
        actual += (item.covered ? "covered " : "not covered ") + item.kind + " " + item.name + "\n";
    CHECK(actual == read_text(folder / "expected.txt"));
}

const golden::RegisterFolders coverage_folders("coverage", cover_folder);

}  // namespace

TEST_CASE("golden.coverage: each folder is a case of its own", "[golden]") { golden::check_registered("coverage", 1); }
