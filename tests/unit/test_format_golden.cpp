// Golden tests for `frontdoor fmt`: each folder under tests/golden/fmt holds a rule file as a policy
// lead might write it (input.rules) and its canonical layout (expected.rules).
#include "dsl/format_pack.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using frontdoor::dsl::format_rules;
using frontdoor::dsl::Source;

namespace {

std::vector<fs::path> golden_cases() {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden/fmt"))
        if (entry.is_directory()) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    return cases;
}

}  // namespace

TEST_CASE("golden layouts of frontdoor fmt", "[golden][fmt]") {
    auto cases = golden_cases();
    for (const auto& folder : cases) {
        std::string name = folder.filename().string();
        INFO("golden case " << name);
        auto formatted = format_rules(Source(name + "/input.rules", read_text(folder / "input.rules")));
        CHECK(frontdoor::render_all(formatted.diagnostics).empty());
        CHECK(formatted.text == read_text(folder / "expected.rules"));
    }
    REQUIRE(cases.size() >= 8);
}

TEST_CASE("formatting a golden layout again gives itself", "[golden][fmt]") {
    for (const auto& folder : golden_cases()) {
        std::string name = folder.filename().string();
        INFO("golden case " << name);
        std::string expected = read_text(folder / "expected.rules");
        auto again = format_rules(Source(name + "/expected.rules", expected));
        CHECK(frontdoor::render_all(again.diagnostics).empty());
        CHECK(again.text == expected);
    }
}

TEST_CASE("a file with a syntax error is not formatted: its diagnostics come back", "[fmt]") {
    auto formatted = format_rules(Source("broken.rules", "let a = 1 [source \"a\"]\nlet b = (2 [source \"b\"]\n"));
    CHECK(formatted.text.empty());
    REQUIRE(formatted.diagnostics.size() == 1);
    CHECK(frontdoor::render(formatted.diagnostics.front()) ==
          "broken.rules:2:12: error: expected ')'\n"
          "  let b = (2 [source \"b\"]\n"
          "             ^\n");
}

TEST_CASE("a file of comments only, and an empty file, keep their layout", "[fmt]") {
    CHECK(format_rules(Source("c.rules", "# one\n\n\n# two\n")).text == "# one\n\n# two\n");
    CHECK(format_rules(Source("e.rules", "")).text.empty());
    CHECK(format_rules(Source("e.rules", "\n\n")).text.empty());
}
