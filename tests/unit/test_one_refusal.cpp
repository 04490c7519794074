// Read, refuse, decide has one owner (engine/decide/decide.hpp): a contact is refused with the same
// JSON path and message through eval (Pack::decide), a pack's scenario and a walkthrough. The
// scenario decides the contact from its bytes as written, so a key given twice is refused there as
// it is by eval, not decided from a re-serialisation that kept the last value.
#include "test_records_fixture.hpp"

#include "frontdoor/testing.hpp"
#include "frontdoor/walkthrough.hpp"

using namespace records_test;

namespace {

std::string scenario_contact(const std::string& file) {
    std::ifstream in(sample_pack_dir() + "/scenarios/" + file);
    return nlohmann::json::parse(in)["contact"].dump();
}

// `contact` with a second "contact_id" member at its start: a key given twice.
std::string with_duplicate_key(std::string contact) { return contact.insert(1, R"("contact_id": "twice", )"); }

}  // namespace

TEST_CASE("a refusal reads the same through eval, a scenario and a walkthrough", "[refusal][scenarios][walkthrough]") {
    auto [name, contact] = GENERATE(table<std::string, std::string>({
        {"a refusal rule (both birth dates)", scenario_contact("210-refused-both-birth-dates.json")},
        {"a value of the wrong type", scenario_contact("202-refused-wrong-type.json")},
        {"a key given twice", with_duplicate_key(scenario_contact("001-information-request-open-case.json"))},
        {"a field the input does not declare", scenario_contact("203-refused-unknown-field-nested.json")},
    }));
    INFO(name << ": " << contact);
    const frontdoor::Pack& pack = *sample_pack();

    frontdoor::Decided eval = pack.decide(contact);
    REQUIRE(eval.refused);
    REQUIRE_FALSE(eval.message.empty());

    frontdoor::Walkthrough walkthrough = frontdoor::walk_through(pack, contact);
    CHECK(walkthrough.refused);
    CHECK(walkthrough.refusal == (eval.path.empty() ? "the input" : "at " + eval.path) + ": " + eval.message);

    ScratchDir dir;
    nlohmann::json expect = {{"path", eval.path}, {"message", eval.message}};
    std::ofstream(dir.file("refused.json"))
        << R"({"scenario": "refused", "contact": )" << contact << R"(, "expect_refusal": )" << expect.dump() << "}";
    frontdoor::TestReport report = frontdoor::run_scenarios(pack, dir.path.string());
    REQUIRE(report.scenarios.size() == 1);
    const frontdoor::ScenarioResult& scenario = report.scenarios.front();
    CHECK(scenario.error == "");
    for (const auto& mismatch : scenario.mismatches)
        INFO(mismatch.field << ": expected " << mismatch.expected << ", got " << mismatch.actual);
    CHECK(scenario.mismatches.empty());
    CHECK(scenario.passed);
}

TEST_CASE("a scenario that gives its contact twice is not a scenario", "[scenarios]") {
    ScratchDir dir;
    std::string contact = scenario_contact("001-information-request-open-case.json");
    std::ofstream(dir.file("twice.json"))
        << R"({"contact": )" << contact << R"(, "expect": {}, "contact": )" << contact << "}";
    frontdoor::TestReport report = frontdoor::run_scenarios(*sample_pack(), dir.path.string());
    REQUIRE(report.scenarios.size() == 1);
    CHECK(report.scenarios.front().error ==
          "not a scenario: \"contact\" must be given exactly once, as a member named without escapes");
    CHECK_FALSE(report.scenarios.front().passed);
}

TEST_CASE("a scenario's contact is its bytes as written", "[scenarios]") {
    std::string contact = R"({"contact_id": "a", "contact_id": "b",  "n": 1.0})";
    CHECK(frontdoor::scenario_contact("\xEF\xBB\xBF{\"contact\": " + contact + ", \"expect\": {}}") ==
          std::optional<std::string_view>(contact));
    CHECK_FALSE(frontdoor::scenario_contact(R"({"contact": {}, "expect": {})"));    // not valid JSON
    CHECK_FALSE(frontdoor::scenario_contact(R"([{"contact": {}}])"));               // not an object
    CHECK_FALSE(frontdoor::scenario_contact(R"({"expect": {"contact": {}}})"));     // no contact of its own
    CHECK_FALSE(frontdoor::scenario_contact(R"({"contact": {}, "contact": {}})"));  // given twice
}
