// An impact report says which packs it compared: the old pack (from a log, each recorded pack
// with the records it made), the candidate, and the span of recording times asked for.
#include "test_records_fixture.hpp"

#include "frontdoor/replay.hpp"

using namespace records_test;
using frontdoor::DecisionLog;

namespace {

std::string pack_line(const frontdoor::Pack& pack) {
    return pack.name() + " version " + pack.version() + " (" + pack.digest() + ")";
}

}  // namespace

TEST_CASE("an impact report on a log names each recorded pack, its records, the candidate and the span", "[records]") {
    ScratchLog scratch(GENERATE(from_range(backends())));
    INFO(scratch.backend_name());
    auto contacts = scenario_contacts();
    std::size_t first = record(scratch.location, *sample_pack(), {contacts.begin(), contacts.begin() + 20});
    std::size_t second =
        record(scratch.location, *sample_pack_lowered_threshold(), {contacts.begin() + 20, contacts.end()});
    auto log = DecisionLog::open(scratch.location, DecisionLog::Access::read);
    frontdoor::RecordFilter filter;
    filter.from = "2000-01-01";
    filter.to = "2999-12-31T23:59Z";
    auto report = frontdoor::assess_log_impact(*log, filter, *sample_pack(), 2);
    REQUIRE(report.packs_before.size() == 2);
    CHECK(report.packs_before[0].digest == sample_pack()->digest());
    CHECK(report.packs_before[0].name == sample_pack()->name());
    CHECK(report.packs_before[0].version == sample_pack()->version());
    CHECK(report.packs_before[0].contacts == first);
    CHECK(report.packs_before[1].digest == sample_pack_lowered_threshold()->digest());
    CHECK(report.packs_before[1].contacts == second);
    CHECK(report.pack_after.digest == sample_pack()->digest());

    std::string text = frontdoor::impact_text(report);
    CHECK(text.find("\nPacks compared\n  before (as recorded): " + pack_line(*sample_pack()) + ": " +
                    std::to_string(first) +
                    " records\n  before (as recorded): " + pack_line(*sample_pack_lowered_threshold()) + ": " +
                    std::to_string(second) + " records\n  after: " + pack_line(*sample_pack()) +
                    "\n  records made from 2000-01-01 to 2999-12-31T23:59Z (UTC, inclusive)\n") != std::string::npos);

    auto json = nlohmann::json::parse(frontdoor::impact_json(report));
    CHECK(json["before_from"] == "log");
    REQUIRE(json["packs_before"].size() == 2);
    CHECK(json["packs_before"][1] == nlohmann::json{{"name", sample_pack_lowered_threshold()->name()},
                                                    {"version", sample_pack_lowered_threshold()->version()},
                                                    {"digest", sample_pack_lowered_threshold()->digest()},
                                                    {"contacts", second}});
    CHECK(json["pack_after"]["digest"] == sample_pack()->digest());
    CHECK(json["recorded_from"] == "2000-01-01");
    CHECK(json["recorded_to"] == "2999-12-31T23:59Z");
}

TEST_CASE("an impact report on a contacts file names the two packs and no span", "[records]") {
    std::string contacts;
    for (const auto& contact : scenario_contacts()) contacts += contact + "\n";
    frontdoor::JsonLinesReader in(frontdoor::text_blocks(contacts));
    auto report = frontdoor::assess_contacts_impact(in, *sample_pack(), *sample_pack_lowered_threshold(), 1);
    REQUIRE(report.packs_before.size() == 1);
    CHECK(report.packs_before[0].contacts == scenario_contacts().size());
    std::string text = frontdoor::impact_text(report);
    CHECK(text.find("\nPacks compared\n  before: " + pack_line(*sample_pack()) + ": " +
                    std::to_string(scenario_contacts().size()) + " contacts\n  after: " +
                    pack_line(*sample_pack_lowered_threshold()) + "\n\n") != std::string::npos);
    CHECK(text.find("records made") == std::string::npos);
    auto json = nlohmann::json::parse(frontdoor::impact_json(report));
    CHECK(json["before_from"] == "contacts");
    CHECK(json["packs_before"][0]["digest"] == sample_pack()->digest());
    CHECK(json["pack_after"]["name"] == sample_pack_lowered_threshold()->name());
    CHECK(json["recorded_from"].is_null());
    CHECK(json["recorded_to"].is_null());
}
