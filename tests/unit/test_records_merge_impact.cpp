// merge_impact: the reports of consecutive slices of a contacts file, each assessed from its first
// line, merge into the report of the whole file, byte for byte in text and JSON (what
// `python3 -m frontdoor.batch impact` relies on to assess slices on Dask workers).
#include "test_records_fixture.hpp"

#include "frontdoor/replay.hpp"

#include <set>

using namespace records_test;

namespace {

frontdoor::ImpactReport assess(const std::string& lines, std::size_t first_line) {
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(lines));
    return frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack_lowered_threshold(), 1, first_line);
}

}  // namespace

TEST_CASE("impact reports of a file's slices merge into the whole file's report", "[records]") {
    std::vector<std::string> lines = scenario_contacts();
    lines.insert(lines.begin() + 7, "");           // a blank line, skipped but counted
    lines.insert(lines.begin() + 20, "not json");  // refused under both packs
    std::vector<std::string> slices(3);
    std::vector<std::size_t> first_lines{1, 11, 61};
    for (std::size_t i = 0; i < lines.size(); ++i) slices[i < 10 ? 0 : i < 60 ? 1 : 2] += lines[i] + "\n";
    std::string whole = slices[0] + slices[1] + slices[2];

    frontdoor::ImpactReport expected = assess(whole, 1);
    std::vector<frontdoor::ImpactReport> parts;
    for (std::size_t i = 0; i < slices.size(); ++i) parts.push_back(assess(slices[i], first_lines[i]));
    frontdoor::ImpactReport merged = frontdoor::merge_impact(std::move(parts));

    REQUIRE(expected.changed > 3);
    REQUIRE(expected.transitions.size() > 2);
    CHECK(frontdoor::impact_json(merged) == frontdoor::impact_json(expected));
    CHECK(frontdoor::impact_text(merged) == frontdoor::impact_text(expected));
    CHECK(frontdoor::merge_impact({}).compared == 0);
}

TEST_CASE("impact reports of several files, each assessed with its name, label every contact by file and line",
          "[records]") {
    std::vector<std::string> lines = scenario_contacts();
    const std::size_t in_first = 30;
    std::string first, second;
    for (std::size_t i = 0; i < lines.size(); ++i) (i < in_first ? first : second) += lines[i] + "\n";
    std::vector<frontdoor::ImpactReport> parts;
    for (const auto& [text, name] : {std::pair{first, "in/a.jsonl"}, std::pair{second, "in/b.jsonl"}}) {
        frontdoor::JsonLinesReader in(frontdoor::text_blocks(text));
        parts.push_back(
            frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack_lowered_threshold(), 2, 1, {}, name));
    }
    frontdoor::ImpactReport merged = frontdoor::merge_impact(std::move(parts));

    // The same lines as one file, its labels named by the file each line is in.
    frontdoor::ImpactReport whole = assess(first + second, 1);
    std::set<std::string> files;
    for (auto& contact : whole.contacts) {
        std::size_t line = std::stoul(contact.label.substr(std::string("line ").size()));
        contact.label = line <= in_first ? "in/a.jsonl line " + std::to_string(line)
                                         : "in/b.jsonl line " + std::to_string(line - in_first);
        files.insert(contact.label.substr(0, contact.label.find(' ')));
    }
    REQUIRE(files.size() == 2);
    CHECK(frontdoor::impact_json(merged) == frontdoor::impact_json(whole));
    CHECK(frontdoor::impact_text(merged) == frontdoor::impact_text(whole));
    CHECK(frontdoor::impact_text(merged).find("\n  in/b.jsonl line ") != std::string::npos);
}
