// The library functions every face calls instead of doing the work itself (issue 17, section 1):
// the refusal line of a batch, the batch loop that releases answers only after their records
// commit, the graph format by name, formatting a rule file, and the did-you-mean suggestion. Each
// is asserted as a face would show it.
#include "test_records_fixture.hpp"

#include "frontdoor/batch.hpp"
#include "frontdoor/format.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace records_test;

TEST_CASE("a batch's refusal line names the line, the JSON path and the message", "[public api]") {
    frontdoor::Decided refused{true, "/child/birth_date", "expected a date, got \"x\"", ""};
    CHECK(frontdoor::refusal_json(7, refused) ==
          R"({"line":7,"error":{"path":"/child/birth_date","message":"expected a date, got \"x\""}})");
    CHECK(frontdoor::refusal_json(0, refused) ==
          R"({"error":{"path":"/child/birth_date","message":"expected a date, got \"x\""}})");
}

TEST_CASE("a graph format is dot or json by name; any other name is refused, never drawn as DOT", "[public api]") {
    CHECK(frontdoor::parse_graph_format("dot").format == frontdoor::GraphFormat::dot);
    CHECK(frontdoor::parse_graph_format("json").format == frontdoor::GraphFormat::json);
    for (const char* name : {"svg", "", "DOT", "json "}) {
        frontdoor::GraphFormatChoice choice = frontdoor::parse_graph_format(name);
        CHECK_FALSE(choice.format);
        CHECK(choice.problem == "unknown graph format '" + std::string(name) + "'; the formats are dot and json");
    }
    CHECK(sample_pack()->graph(frontdoor::GraphFormat::json).rfind("{", 0) == 0);
    CHECK(sample_pack()->graph(frontdoor::GraphFormat::dot).rfind("digraph", 0) == 0);
}

TEST_CASE("a batch answers every line in order, and a recorded answer is released only after its commit",
          "[public api]") {
    ScratchDir dir;
    auto contacts = scenario_contacts();
    contacts.resize(40);
    std::string text;
    for (const auto& contact : contacts) text += contact + "\n";
    text += "not json\n";
    auto log = frontdoor::DecisionLog::open(dir.file("log.sqlite"), frontdoor::DecisionLog::Access::append);
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    frontdoor::BatchOptions options;
    options.record_group = 16;
    std::string answered;
    std::vector<std::size_t> recorded_when_released;
    auto summary = frontdoor::decide_batch(*sample_pack(), lines, log.get(), options, [&](std::string_view answers) {
        answered += answers;
        auto reader = frontdoor::DecisionLog::open(dir.file("log.sqlite"), frontdoor::DecisionLog::Access::read);
        recorded_when_released.push_back(reader->find({}).size());
    });
    CHECK(summary.decided + summary.refused == 41);
    CHECK_FALSE(summary.read_failure);
    CHECK(std::count(answered.begin(), answered.end(), '\n') == 41);
    CHECK(answered.find(R"({"line":41,"error":{"path":"","message":)") != std::string::npos);
    REQUIRE(recorded_when_released.size() >= 3);
    // Every decision in a group is on disk when the group is handed on; the last group holds the rest.
    CHECK(recorded_when_released.front() == 16);
    CHECK(recorded_when_released.back() == summary.decided);
    CHECK(log->verify().ok());
}

TEST_CASE("a batch whose input fails to read releases what was decided and names the failure", "[public api]") {
    int calls = 0;
    frontdoor::ReadBlock failing = [&](char* into, std::size_t size) -> std::size_t {
        if (calls++ > 0) throw frontdoor::ReadError("cannot read contacts.jsonl: Input/output error");
        std::string first = scenario_contacts().front() + "\n";
        REQUIRE(first.size() <= size);
        std::copy(first.begin(), first.end(), into);
        return first.size();
    };
    frontdoor::JsonLinesReader lines(failing);
    std::string answered;
    auto summary = frontdoor::decide_batch(*sample_pack(), lines, nullptr, {},
                                           [&](std::string_view answers) { answered += answers; });
    CHECK(summary.decided == 1);
    CHECK(summary.read_failure == "cannot read contacts.jsonl: Input/output error");
    CHECK(std::count(answered.begin(), answered.end(), '\n') == 1);
}

TEST_CASE("formatting a rule file through the public API gives the layout or the syntax errors", "[public api]") {
    auto formatted = frontdoor::format_rule_file("pack.rules", "pack p   version \"1\" [source \"s\"]\n");
    CHECK(formatted.diagnostics.empty());
    CHECK(formatted.text == "pack p version \"1\"  [source \"s\"]\n");
    auto broken = frontdoor::format_rule_file("broken.rules", "pack p version\n");
    CHECK(broken.text.empty());
    REQUIRE_FALSE(broken.diagnostics.empty());
    CHECK(frontdoor::render(broken.diagnostics.front()).rfind("broken.rules:", 0) == 0);
}

TEST_CASE("the did-you-mean suggestion is one public function", "[public api]") {
    CHECK(frontdoor::did_you_mean("--form", {"--from", "--to"}) == "; did you mean '--from'?");
    CHECK(frontdoor::did_you_mean("--zzzzzz", {"--from", "--to"}).empty());
}
