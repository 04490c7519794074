// Golden tests for `frontdoor fmt`: each folder under tests/golden/fmt holds a rule file as a policy
// lead might write it (input.rules) and its canonical layout (expected.rules), each folder its own
// case, golden.fmt.<folder>.
#include "frontdoor/diagnostic.hpp"
#include "frontdoor/format.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using frontdoor::format_rule_file;

namespace {

// Formatting input.rules gives expected.rules, and formatting expected.rules again gives itself.
void format_folder(const fs::path& folder) {
    std::string name = folder.filename().string();
    std::string expected = read_text(folder / "expected.rules");
    auto formatted = format_rule_file(name + "/input.rules", read_text(folder / "input.rules"));
    CHECK(frontdoor::render_all(formatted.diagnostics).empty());
    CHECK(formatted.text == expected);
    auto again = format_rule_file(name + "/expected.rules", expected);
    CHECK(frontdoor::render_all(again.diagnostics).empty());
    CHECK(again.text == expected);
}

const golden::RegisterFolders fmt_folders("fmt", format_folder);

}  // namespace

TEST_CASE("golden.fmt: each folder is a case of its own", "[golden][fmt]") { golden::check_registered("fmt", 9); }

TEST_CASE("a file with a syntax error is not formatted: its diagnostics come back", "[fmt]") {
    auto formatted = format_rule_file("broken.rules", "let a = 1 [source \"a\"]\nlet b = (2 [source \"b\"]\n");
    CHECK(formatted.text.empty());
    REQUIRE(formatted.diagnostics.size() == 2);  // the error, and a note at the bracket left open
    CHECK(frontdoor::render_all(formatted.diagnostics) == "broken.rules:2:12: error: expected ')'\n"
                                                          "  let b = (2 [source \"b\"]\n"
                                                          "             ^\n"
                                                          "broken.rules:2:9: note: the '(' opened here is not closed\n"
                                                          "  let b = (2 [source \"b\"]\n"
                                                          "          ^\n");
}

TEST_CASE("a file of comments only, and an empty file, keep their layout", "[fmt]") {
    CHECK(format_rule_file("c.rules", "# one\n\n\n# two\n").text == "# one\n\n# two\n");
    CHECK(format_rule_file("e.rules", "").text.empty());
    CHECK(format_rule_file("e.rules", "\n\n").text.empty());
}
