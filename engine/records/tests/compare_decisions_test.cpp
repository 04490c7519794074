// Comparing decisions knows no domain: any pack's fields, any outcome, compared as JSON. And the
// JSON cutter underneath, which lets replay compare field by field without parsing.
#include "engine/records/compare_decisions.hpp"
#include "engine/json/json_members.hpp"

#include <catch2/catch.hpp>

using namespace frontdoor::records;

TEST_CASE("top-level members are cut at their true ends", "[records]") {
    auto members = split_members(R"({"a":"x,}\"y","b":{"c":[1,{"d":"]"}]},"e":null, "f" : 12.5 })");
    REQUIRE(members.size() == 4);
    CHECK(members[0].first == "a");
    CHECK(members[0].second == R"("x,}\"y")");
    CHECK(members[1].second == R"({"c":[1,{"d":"]"}]})");
    CHECK(members[2].second == "null");
    CHECK(members[3].first == "f");
    CHECK(members[3].second == "12.5");
    CHECK(find_member(R"({"outcome":{"code":"x"}})", "outcome") == std::optional<std::string_view>(R"({"code":"x"})"));
    CHECK_FALSE(find_member(R"({"a":{"outcome":1}})", "outcome"));
}

TEST_CASE("array elements, strings and malformed text", "[records]") {
    auto elements = split_elements(R"([{"rule":"a, b"}, [1,2], "]" ])");
    REQUIRE(elements.size() == 3);
    CHECK(elements[0] == R"({"rule":"a, b"})");
    CHECK(elements[2] == R"("]")");
    CHECK(unquote(R"("caf\u00e9 \"x\"")") == "caf\xc3\xa9 \"x\"");
    CHECK(unquote("42") == "42");
    CHECK(split_members("[1]").empty());
    CHECK(split_members("{\"a\" 1}").empty());
    CHECK(split_elements("[}]").empty());
}

namespace {

// A decision as the engine writes it, with one explanation entry per rule given.
std::string decision(const std::string& fields, const std::string& explanation) {
    return "{" + fields +
           ",\"ruleset\":{\"name\":\"p\",\"version\":\"1\",\"digest\":\"sha256:0\"},"
           "\"explanation\":[" +
           explanation + "]}";
}

}  // namespace

TEST_CASE("the outcome is the outcome field, or its code", "[records]") {
    CHECK(outcome_of(decision(R"("outcome":"accept")", "")) == R"("accept")");
    CHECK(outcome_of(decision(R"("outcome":{"code":"refer","to":"x"})", "")) == R"("refer")");
    CHECK(outcome_of(decision(R"("outcome":{"to":"x"})", "")) == R"({"to":"x"})");
    CHECK(outcome_of(decision(R"("score":3)", "")) == "null");
}

TEST_CASE("two decisions compare by their own fields and explanation entries", "[records]") {
    std::string before =
        decision(R"("id":"a","outcome":"accept","due":"2024-01-02")",
                 R"({"rule":"limit","value":3,"reads":{}},{"rule":"choice, row 2","value":"accept","reads":{"n":2}})");
    std::string after =
        decision(R"("id":"a","outcome":"refer","due":"2024-01-02","extra":[1])",
                 R"({"rule":"limit","value":2,"reads":{}},{"rule":"choice, row 1","value":"refer","reads":{"n":2}})");
    auto same = compare_decisions({before, ""}, {before, ""}, "line 1");
    CHECK_FALSE(same.changed);
    CHECK(same.outcome_before == same.outcome_after);
    auto comparison = compare_decisions({before, ""}, {after, ""}, "line 1");
    REQUIRE(comparison.changed);
    const auto& changed = *comparison.changed;
    CHECK(changed.label == "line 1");
    CHECK(changed.contact_id == std::nullopt);
    REQUIRE(changed.fields.size() == 2);
    CHECK((changed.fields[0].name == "outcome" && changed.fields[0].before == R"("accept")"));
    CHECK((changed.fields[1].name == "extra" && changed.fields[1].before.empty() && changed.fields[1].after == "[1]"));
    REQUIRE(changed.explanation.size() == 3);
    CHECK((changed.explanation[0].name == "limit" && changed.explanation[0].change == "same facts, different result"));
    CHECK((changed.explanation[1].name == "choice, row 2" && changed.explanation[1].change == "no longer applies"));
    CHECK((changed.explanation[2].name == "choice, row 1" && changed.explanation[2].change == "now applies"));
}

TEST_CASE("a contact refused on one side only is a changed decision", "[records]") {
    std::string decided = decision(R"("contact_id":"c-1","outcome":"accept")", "");
    auto comparison = compare_decisions({decided, ""}, {"", "/n: expected an integer"}, "record 4");
    REQUIRE(comparison.changed);
    CHECK(comparison.outcome_after.empty());
    CHECK(comparison.changed->contact_id == std::optional<std::string>("c-1"));
    CHECK(comparison.changed->refusal_after == "/n: expected an integer");
    // What it got before the other pack refused it: every field of the decision, whole.
    REQUIRE(comparison.changed->decided.size() == 2);
    CHECK((comparison.changed->decided[1].name == "outcome" && comparison.changed->decided[1].before == R"("accept")" &&
           comparison.changed->decided[1].after.empty()));
    CHECK_FALSE(frontdoor::explanation_only(*comparison.changed));
    CHECK_FALSE(compare_decisions({"", "/: not JSON"}, {"", "/: not JSON"}, "line 2").changed);
}

TEST_CASE("a decision whose citation alone changed is a change of explanation", "[records]") {
    std::string before =
        decision(R"("outcome":"accept")", R"({"rule":"choice, row 1","source":"s 2023","value":"accept","reads":{}})");
    std::string after =
        decision(R"("outcome":"accept")", R"({"rule":"choice, row 1","source":"s 2024","value":"accept","reads":{}})");
    auto comparison = compare_decisions({before, ""}, {after, ""}, "line 3");
    REQUIRE(comparison.changed);
    CHECK(comparison.changed->fields.empty());
    CHECK(frontdoor::explanation_only(*comparison.changed));
    REQUIRE(comparison.changed->explanation.size() == 1);
    const auto& entry = comparison.changed->explanation[0];
    CHECK((entry.change == "citation changed" && entry.before == R"("s 2023")" && entry.after == R"("s 2024")"));
    // Only the facts read differ, or a step gave another value to the same end: not a change.
    std::string reads = decision(R"("outcome":"accept")",
                                 R"({"rule":"choice, row 1","source":"s 2023","value":"accept","reads":{"n":1}})");
    CHECK_FALSE(compare_decisions({before, ""}, {reads, ""}, "line 4").changed);
    std::string step =
        decision(R"("outcome":"accept")", R"({"rule":"limit","value":2,"reads":{}},)"
                                          R"({"rule":"choice, row 1","source":"s 2023","value":"accept","reads":{}})");
    std::string other_step =
        decision(R"("outcome":"accept")", R"({"rule":"limit","value":3,"reads":{}},)"
                                          R"({"rule":"choice, row 1","source":"s 2023","value":"accept","reads":{}})");
    CHECK_FALSE(compare_decisions({step, ""}, {other_step, ""}, "line 5").changed);
}

TEST_CASE("refused by both is what is refused before and not listed as decided after", "[records]") {
    frontdoor::ImpactReport report;
    report.compared = 10;
    report.refused_before = 3;
    report.refused_after = 4;
    frontdoor::ChangedDecision before_only, after_only;
    before_only.refusal_before = "/: not JSON";
    after_only.refusal_after = "/n: expected an integer";
    after_only.outcome_before = "\"accept\"";
    report.contacts = {before_only, after_only};
    CHECK(refused_by_both(report) == 2);
}
