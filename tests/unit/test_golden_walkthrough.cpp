// Golden tests of walkthroughs: each folder under tests/golden/walkthrough holds a pack (pack.rules),
// input.json and expected.txt. Without a file `what-if`, expected.txt is the walkthrough of the
// input as `frontdoor walkthrough --no-color` prints it (titled "input.json"); with one (a what-if
// PATH=VALUE a line), it is what the what-if printed after the walkthrough: what changed and why.
// Each folder is its own case, golden.walkthrough.<folder>.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/walkthrough.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

void walk_folder(const fs::path& folder) {
    auto loaded = frontdoor::Pack::load_directory(folder.string());
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    std::string input = read_text(folder / "input.json");
    frontdoor::Walkthrough before = frontdoor::walk_through(*loaded.pack, input);
    std::string actual;
    if (!fs::exists(folder / "what-if")) {
        actual = frontdoor::render_walkthrough(before, "input.json", false, false);
    } else {
        auto changes = lines_of(read_text(folder / "what-if"));
        std::string changed = input, error;
        for (const auto& change : changes) REQUIRE(frontdoor::apply_what_if(changed, change, error));
        frontdoor::Walkthrough after = frontdoor::walk_through(*loaded.pack, changed);
        actual = frontdoor::render_what_if(before, after, changes, false, false);
    }
    CHECK(actual == read_text(folder / "expected.txt"));
}

const golden::RegisterFolders walkthrough_folders("walkthrough", walk_folder);

}  // namespace

TEST_CASE("golden.walkthrough: each folder is a case of its own", "[golden]") {
    golden::check_registered("walkthrough", 6);
}
