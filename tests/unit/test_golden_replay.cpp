// Golden tests of `replay`'s impact report: each folder under tests/golden/replay holds two packs
// (before/ and after/, each a pack.rules), contacts.jsonl (one contact a line) and expected.txt,
// the report's text exactly as `frontdoor replay --contacts ... --rules before --with-rules after`
// prints it; a folder with a file `limit` (a number) is printed as with `--limit N`. Each folder is
// its own case, golden.replay.<folder>.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/json_lines.hpp"
#include "frontdoor/replay.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

std::shared_ptr<const frontdoor::Pack> load_pack(const fs::path& folder) {
    auto loaded = frontdoor::Pack::load_directory(folder.string());
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    return loaded.pack;
}

void replay_folder(const fs::path& folder) {
    auto before = load_pack(folder / "before");
    auto after = load_pack(folder / "after");
    std::string contacts = read_text(folder / "contacts.jsonl");
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(contacts));
    frontdoor::ImpactTextOptions options;
    if (fs::exists(folder / "limit")) options.limit = std::stoul(read_text(folder / "limit"));
    std::string actual = frontdoor::impact_text(frontdoor::assess_contacts_impact(in, *before, *after, 1), options);
    CHECK(actual == read_text(folder / "expected.txt"));
}

const golden::RegisterFolders replay_folders("replay", replay_folder);

}  // namespace

TEST_CASE("golden.replay: each folder is a case of its own", "[golden]") { golden::check_registered("replay", 4); }
