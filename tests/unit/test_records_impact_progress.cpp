// ImpactProgress (frontdoor/replay.hpp): an assessment of contacts tells its caller, on the
// caller's thread, each multiple of `every` lines as it is reached and every line it read at the
// end, blank lines counted, and its report is the report it gives without being asked; a reader
// whose request line the caller read first is assessed from its next line, numbered from 1.
#include "test_records_fixture.hpp"

#include "frontdoor/replay.hpp"

#include <thread>

using namespace records_test;

namespace {

// The scenarios' contacts three times over (more than one chunk of the pipeline), with a blank
// line, a line that is not JSON and two blank lines at the end.
std::string contacts_text() {
    std::string text;
    for (int round = 0; round < 3; ++round)
        for (const auto& contact : scenario_contacts()) text += contact + "\n";
    return "\n" + text + "not json\n\n\n";
}

std::size_t lines_in(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

struct Told {
    std::vector<std::size_t> counts;
    bool other_thread = false;
};

frontdoor::ImpactReport assess(frontdoor::JsonLinesReader& in, unsigned threads, std::size_t every, Told* told) {
    frontdoor::ImpactProgress progress;
    progress.every = every;
    if (told)
        progress.report = [told, caller = std::this_thread::get_id()](std::size_t lines) {
            told->counts.push_back(lines);
            told->other_thread = told->other_thread || std::this_thread::get_id() != caller;
        };
    return frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack_lowered_threshold(), threads, 1,
                                             progress);
}

}  // namespace

TEST_CASE("an impact assessment tells each multiple of its lines, then all it read, on the caller's thread",
          "[records]") {
    unsigned threads = GENERATE(1u, 2u);
    INFO(threads << " threads");
    std::string text = contacts_text();
    frontdoor::JsonLinesReader quiet_in(frontdoor::text_blocks(text)), told_in(frontdoor::text_blocks(text));
    frontdoor::ImpactReport quiet = assess(quiet_in, threads, 50, nullptr);
    Told told;
    frontdoor::ImpactReport report = assess(told_in, threads, 50, &told);

    std::size_t lines = lines_in(text);
    REQUIRE(lines > 300);
    REQUIRE(lines % 50 != 0);
    std::vector<std::size_t> expected;
    for (std::size_t n = 50; n < lines; n += 50) expected.push_back(n);
    expected.push_back(lines);
    CHECK(told.counts == expected);
    CHECK(told_in.lines_read() == lines);
    CHECK_FALSE(told.other_thread);
    REQUIRE(quiet.changed > 3);
    CHECK(frontdoor::impact_json(report) == frontdoor::impact_json(quiet));
}

TEST_CASE("an impact assessment ending on a multiple tells it once, and one without lines nothing", "[records]") {
    std::string text;
    for (const auto& contact : scenario_contacts()) text += contact + "\n";
    std::size_t lines = lines_in(text);
    frontdoor::JsonLinesReader whole(frontdoor::text_blocks(text));
    Told told;
    assess(whole, 2, lines, &told);
    CHECK(told.counts == std::vector<std::size_t>{lines});

    frontdoor::JsonLinesReader only_end(frontdoor::text_blocks(text));
    Told at_end;
    assess(only_end, 1, 0, &at_end);
    CHECK(at_end.counts == std::vector<std::size_t>{lines});

    frontdoor::JsonLinesReader empty(frontdoor::text_blocks(""));
    Told nothing;
    CHECK(assess(empty, 1, 50, &nothing).compared == 0);
    CHECK(nothing.counts.empty());
}

TEST_CASE("an impact assessment reads on from a request line its caller read, numbering its contacts from 1",
          "[records]") {
    std::string contacts = contacts_text();
    frontdoor::JsonLinesReader alone(frontdoor::text_blocks(contacts)),
        after(frontdoor::text_blocks("{}\n" + contacts));
    frontdoor::JsonLine request;
    REQUIRE(after.next(request));
    Told alone_told, after_told;
    frontdoor::ImpactReport expected = assess(alone, 2, 100, &alone_told);
    frontdoor::ImpactReport report = assess(after, 2, 100, &after_told);
    REQUIRE_FALSE(expected.contacts.empty());
    CHECK(report.contacts.front().label == expected.contacts.front().label);
    CHECK(frontdoor::impact_json(report) == frontdoor::impact_json(expected));
    REQUIRE_FALSE(after_told.counts.empty());
    CHECK(after_told.counts == alone_told.counts);
    CHECK(after_told.counts.back() == lines_in(contacts));
}
