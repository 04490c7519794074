// The impact report's text shows what changed inside a decision field by path, however long the
// field: a changed deadline among several is never cut off (it was, at 90 characters).
#include "read_text.hpp"

#include "engine/records/diff_json_values.hpp"
#include "frontdoor/json_lines.hpp"
#include "frontdoor/replay.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using frontdoor::records::diff_json_values;
using Lines = std::vector<std::string>;

namespace {

std::string deadline(const std::string& name, const std::string& due_at) {
    return "{\"name\":\"" + name + "\",\"due_at\":\"" + due_at + "\"}";
}

// This test's own packs and contacts (fixtures/shorter-time-limit): a pack whose checks are each due
// within their rating's time limit, as written `before` and `after` one limit is shortened.
const std::filesystem::path shorter_limit_fixture =
    std::filesystem::path(FRONTDOOR_SOURCE_DIR) / "engine/records/tests/fixtures/shorter-time-limit";

std::shared_ptr<const frontdoor::Pack> shorter_limit_pack(const std::string& which) {
    auto pack = frontdoor::Pack::load_directory((shorter_limit_fixture / which).string()).pack;
    REQUIRE(pack);
    return pack;
}

}  // namespace

TEST_CASE("plain values, absent ones and equal ones", "[records]") {
    CHECK(diff_json_values("level", "2", "3") == Lines{"level: 2 -> 3"});
    CHECK(diff_json_values("permission", "", "\"not_needed\"") == Lines{"permission: (absent) -> \"not_needed\""});
    CHECK(diff_json_values("permission", "\"given\"", "") == Lines{"permission: \"given\" -> (absent)"});
    CHECK(diff_json_values("", "\"24 hours\"", "\"12 hours\"") == Lines{"\"24 hours\" -> \"12 hours\""});
    CHECK(diff_json_values("flags", "[\"a\",{\"b\":1}]", "[\"a\",{\"b\":1}]").empty());
    CHECK(diff_json_values("outcome", "\"x\"", "{\"code\":\"x\"}") == Lines{"outcome: \"x\" -> {\"code\":\"x\"}"});
    // The same members in another order are not "no difference".
    CHECK(diff_json_values("permission", "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}") ==
          Lines{"permission: {\"a\":1,\"b\":2} -> {\"b\":2,\"a\":1}"});
}

TEST_CASE("a changed deadline among several is named by its path, however long the list", "[records]") {
    std::string before = "[" + deadline("review", "2024-01-02T09:00:00+00:00") + "," +
                         deadline("step:first", "2024-01-02T10:00:00+00:00") + "," +
                         deadline("step:second", "2024-01-03T10:00:00+00:00") + "]";
    std::string after = before;
    after.replace(after.rfind("2024-01-03T10"), 13, "2024-01-02T22");
    REQUIRE(before.size() > 90);
    CHECK(diff_json_values("deadlines", before, after) ==
          Lines{"deadlines[2].due_at: \"2024-01-03T10:00:00+00:00\" -> \"2024-01-02T22:00:00+00:00\""});
}

TEST_CASE("list items added or removed are shown whole, the others not at all", "[records]") {
    CHECK(diff_json_values("flags", "[\"a\",\"c\"]", "[\"a\",\"b\",\"c\"]") == Lines{"flags[1]: added \"b\""});
    CHECK(diff_json_values("flags", "[\"a\",\"b\",\"c\"]", "[\"b\",\"c\"]") == Lines{"flags[0]: removed \"a\""});
    CHECK(diff_json_values("flags", "[]", "[\"a\"]") == Lines{"flags[0]: added \"a\""});
    std::string one = deadline("a", "2024-01-01T09:00:00Z"), two = deadline("b", "2024-01-02T09:00:00Z");
    CHECK(diff_json_values("deadlines", "[" + one + "]", "[" + one + "," + two + "]") ==
          Lines{"deadlines[1]: added " + two});
    CHECK(diff_json_values("flags", "[\"a\",\"b\"]", "[\"a\",\"x\"]") == Lines{"flags[1]: \"b\" -> \"x\""});
    CHECK(diff_json_values("permission", "{\"needed\":true}", "{\"needed\":true,\"reason\":\"rule_9\"}") ==
          Lines{"permission.reason: (absent) -> \"rule_9\""});
}

TEST_CASE("the text report shows each changed due_at of a changed time limit", "[records]") {
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(read_text(shorter_limit_fixture / "contacts.jsonl")));
    auto report = frontdoor::assess_contacts_impact(in, *shorter_limit_pack("before"), *shorter_limit_pack("after"), 1);
    REQUIRE(report.changed > 0);
    std::string text = frontdoor::impact_text(report);
    std::size_t shown = 0;
    for (const auto& contact : report.contacts) {
        for (const auto& field : contact.fields) {
            REQUIRE(field.name == "deadlines");
            auto before = nlohmann::json::parse(field.before), after = nlohmann::json::parse(field.after);
            REQUIRE(before.size() == after.size());
            for (std::size_t i = 0; i < before.size(); ++i) {
                if (before[i] == after[i]) continue;
                std::string line = "    deadlines[" + std::to_string(i) + "].due_at: " + before[i]["due_at"].dump() +
                                   " -> " + after[i]["due_at"].dump() + "\n";
                INFO(contact.label << ": " << line);
                CHECK(text.find(line) != std::string::npos);
                ++shown;
            }
        }
    }
    CHECK(shown >= report.changed);
}
