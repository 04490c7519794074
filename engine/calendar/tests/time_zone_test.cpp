#include "engine/calendar/time_zone.hpp"

#include "parse_or_fail.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace frontdoor::time;
using calendar_test::at;
using calendar_test::date;

namespace {

constexpr Instant hour = 3600 * micros_per_second;

TimeZone zone(const char* rule) {
    std::string why;
    std::optional<TimeZone> z = TimeZone::from_posix(rule, rule, &why);
    INFO(rule << ": " << why);
    REQUIRE(z.has_value());
    return *z;
}

TimeZone london() { return zone("GMT0BST,M3.5.0/1,M10.5.0/2"); }

std::string why_rule_fails(const char* rule) {
    std::string why;
    CHECK_FALSE(TimeZone::from_posix("x", rule, &why).has_value());
    return why;
}

}  // namespace

TEST_CASE("London offsets change at 01:00 UTC on the last Sundays of March and October", "[time_zone]") {
    const TimeZone z = london();
    CHECK(z.name() == "GMT0BST,M3.5.0/1,M10.5.0/2");
    CHECK(z.offset_seconds_at(at("2024-01-15T12:00:00Z")) == 0);
    CHECK(z.offset_seconds_at(at("2024-03-31T00:59:59.999999Z")) == 0);
    CHECK(z.offset_seconds_at(at("2024-03-31T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("2024-07-01T12:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("2024-10-27T00:59:59.999999Z")) == 3600);
    CHECK(z.offset_seconds_at(at("2024-10-27T01:00:00Z")) == 0);
    CHECK(z.offset_seconds_at(at("2023-03-26T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("2023-10-29T00:30:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("2023-10-29T01:00:00Z")) == 0);
}

TEST_CASE("the rule holds far from the present, in both directions", "[time_zone]") {
    const TimeZone z = london();
    // Last Sundays of March and October worked out independently (Python's datetime).
    CHECK(z.offset_seconds_at(at("1900-03-25T00:59:59Z")) == 0);
    CHECK(z.offset_seconds_at(at("1900-03-25T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("1900-10-28T00:59:59Z")) == 3600);
    CHECK(z.offset_seconds_at(at("1900-10-28T01:00:00Z")) == 0);
    CHECK(z.offset_seconds_at(at("1750-03-29T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("1750-03-29T00:59:59Z")) == 0);
    CHECK(z.offset_seconds_at(at("1750-10-25T01:00:00Z")) == 0);
    CHECK(z.offset_seconds_at(at("2137-03-31T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("2137-10-27T00:59:59Z")) == 3600);
    CHECK(z.offset_seconds_at(at("9999-03-28T00:59:59Z")) == 0);
    CHECK(z.offset_seconds_at(at("9999-03-28T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("9999-10-31T00:59:59Z")) == 3600);
    CHECK(z.offset_seconds_at(at("9999-10-31T01:00:00Z")) == 0);
    CHECK(z.offset_seconds_at(at("0001-03-25T01:00:00Z")) == 3600);
    CHECK(z.offset_seconds_at(at("0001-03-25T00:59:59Z")) == 0);
    CHECK(z.offset_seconds_at(at("0001-01-01T00:00:00Z")) == 0);
    const Instant cycle = std::int64_t{146097} * seconds_per_day * micros_per_second;
    for (Instant t = at("2020-01-01T00:30:00Z"); t < at("2021-01-01T00:00:00Z"); t += 7 * hour) {
        REQUIRE(z.offset_seconds_at(t) == z.offset_seconds_at(t + cycle));
        REQUIRE(z.offset_seconds_at(t) == z.offset_seconds_at(t - 5 * cycle));
    }
}

TEST_CASE("to_local splits an instant into local date, time and offset", "[time_zone]") {
    const TimeZone z = london();
    LocalTime l = z.to_local(at("2024-03-31T00:59:59.25Z"));
    CHECK((l.day == date("2024-03-31") && l.seconds_of_day == 3599 && l.offset_seconds == 0 && l.micros == 250'000));
    l = z.to_local(at("2024-03-31T01:00:00Z"));
    CHECK((l.day == date("2024-03-31") && l.seconds_of_day == 2 * 3600 && l.offset_seconds == 3600));
    l = z.to_local(at("2024-10-26T23:30:00Z"));
    CHECK((l.day == date("2024-10-27") && l.seconds_of_day == 1800 && l.offset_seconds == 3600));
    l = z.to_local(at("2024-10-27T00:30:00Z"));
    CHECK((l.day == date("2024-10-27") && l.seconds_of_day == 5400 && l.offset_seconds == 3600));
    l = z.to_local(at("2024-10-27T01:30:00Z"));
    CHECK((l.day == date("2024-10-27") && l.seconds_of_day == 5400 && l.offset_seconds == 0));
    l = z.to_local(-1);
    CHECK((l.day == -1 && l.seconds_of_day == 86399 && l.micros == 999'999));
}

TEST_CASE("from_local moves a skipped time forward and takes the first of a repeated time", "[time_zone]") {
    const TimeZone z = london();
    const DayNumber spring = date("2024-03-31");
    CHECK(z.from_local(spring, 0) == at("2024-03-31T00:00:00Z"));
    CHECK(z.from_local(spring, 3599) == at("2024-03-31T00:59:59Z"));
    CHECK(z.from_local(spring, 3600) == at("2024-03-31T02:00:00+01:00"));
    CHECK(z.from_local(spring, 5400) == at("2024-03-31T02:30:00+01:00"));
    CHECK(z.from_local(spring, 7200) == at("2024-03-31T02:00:00+01:00"));
    CHECK(z.from_local(spring, 9 * 3600) == at("2024-03-31T08:00:00Z"));
    const DayNumber autumn = date("2024-10-27");
    CHECK(z.from_local(autumn, 3599) == at("2024-10-27T00:59:59+01:00"));
    CHECK(z.from_local(autumn, 3600) == at("2024-10-27T00:00:00Z"));
    CHECK(z.from_local(autumn, 5400) == at("2024-10-27T01:30:00+01:00"));
    CHECK(z.from_local(autumn, 7199) == at("2024-10-27T00:59:59Z"));
    CHECK(z.from_local(autumn, 7200) == at("2024-10-27T02:00:00Z"));
    CHECK(z.from_local(autumn, 17 * 3600) == at("2024-10-27T17:00:00Z"));
    CHECK(z.from_local(date("2024-04-10"), 17 * 3600) == at("2024-04-10T16:00:00Z"));
    CHECK(z.from_local(date("2024-04-10"), 86400) == at("2024-04-11T00:00:00+01:00"));
}

TEST_CASE("format writes local time with the offset, never Z, truncating fractions", "[time_zone]") {
    const TimeZone z = london();
    CHECK(z.format(at("2024-03-30T12:00:00Z") + 24 * hour) == "2024-03-31T13:00:00+01:00");
    CHECK(z.format(at("2024-03-31T00:59:59.999999Z")) == "2024-03-31T00:59:59+00:00");
    CHECK(z.format(at("2024-03-31T01:00:00Z")) == "2024-03-31T02:00:00+01:00");
    CHECK(z.format(at("2024-10-27T00:59:59Z")) == "2024-10-27T01:59:59+01:00");
    CHECK(z.format(at("2024-10-27T01:00:00Z")) == "2024-10-27T01:00:00+00:00");
    CHECK(z.format(at("2024-01-15T09:00:00.9Z")) == "2024-01-15T09:00:00+00:00");
    CHECK(z.format(-1) == "1969-12-31T23:59:59+00:00");
    CHECK(z.format(-1'500'000) == "1969-12-31T23:59:58+00:00");
    CHECK(zone("EST5EDT,M3.2.0,M11.1.0").format(at("2024-07-04T16:00:00.5Z")) == "2024-07-04T12:00:00-04:00");
    CHECK(zone("<+0530>-5:30").format(at("2024-01-01T00:00:00Z")) == "2024-01-01T05:30:00+05:30");
    CHECK(zone("<-0930>9:30").format(at("2024-01-01T00:00:00Z")) == "2023-12-31T14:30:00-09:30");
}

TEST_CASE("POSIX offsets count west of UTC and other rule forms work", "[time_zone]") {
    const TimeZone new_york = zone("EST5EDT,M3.2.0,M11.1.0");
    CHECK(new_york.offset_seconds_at(at("2024-03-10T06:59:59Z")) == -5 * 3600);
    CHECK(new_york.offset_seconds_at(at("2024-03-10T07:00:00Z")) == -4 * 3600);
    CHECK(new_york.offset_seconds_at(at("2024-11-03T05:59:59Z")) == -4 * 3600);
    CHECK(new_york.offset_seconds_at(at("2024-11-03T06:00:00Z")) == -5 * 3600);
    const TimeZone paris = zone("CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(paris.offset_seconds_at(at("2024-03-31T00:59:59Z")) == 3600);
    CHECK(paris.offset_seconds_at(at("2024-03-31T01:00:00Z")) == 7200);
    CHECK(paris.offset_seconds_at(at("2024-10-27T01:00:00Z")) == 3600);
    // Sydney: daylight-saving time spans the new year.
    const TimeZone sydney = zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
    CHECK(sydney.offset_seconds_at(at("2024-01-15T00:00:00Z")) == 11 * 3600);
    CHECK(sydney.offset_seconds_at(at("2024-04-06T15:59:59Z")) == 11 * 3600);
    CHECK(sydney.offset_seconds_at(at("2024-04-06T16:00:00Z")) == 10 * 3600);
    CHECK(sydney.offset_seconds_at(at("2024-10-05T16:00:00Z")) == 11 * 3600);
    CHECK(sydney.from_local(date("2024-04-07"), 2 * 3600 + 1800) == at("2024-04-07T02:30:00+11:00"));
    // Dublin writes winter as a negative daylight-saving period; Nuuk uses times outside 0-24 h.
    for (const char* rule : {"IST-1GMT0,M10.5.0,M3.5.0/1", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"}) {
        INFO(rule);
        const TimeZone z = zone(rule);
        const int base = z.offset_seconds_at(at("2024-01-15T00:00:00Z"));
        CHECK(z.offset_seconds_at(at("2024-03-31T00:59:59Z")) == base);
        CHECK(z.offset_seconds_at(at("2024-03-31T01:00:00Z")) == base + 3600);
        CHECK(z.offset_seconds_at(at("2024-10-27T00:59:59Z")) == base + 3600);
        CHECK(z.offset_seconds_at(at("2024-10-27T01:00:00Z")) == base);
    }
    // Day 60 without 29 February is always 1 March; zero-based day 59 is 29 February in leap years.
    const TimeZone julian = zone("AAA0BBB,J60/0,J300/0");
    CHECK(julian.offset_seconds_at(at("2024-03-01T00:00:00Z")) == 3600);
    CHECK(julian.offset_seconds_at(at("2024-02-29T23:59:59Z")) == 0);
    CHECK(julian.offset_seconds_at(at("2023-03-01T00:00:00Z")) == 3600);
    const TimeZone zero_based = zone("AAA0BBB,59/0,299/0");
    CHECK(zero_based.offset_seconds_at(at("2024-02-29T00:00:00Z")) == 3600);
    CHECK(zero_based.offset_seconds_at(at("2023-02-28T23:59:59Z")) == 0);
    CHECK(zero_based.offset_seconds_at(at("2023-03-01T00:00:00Z")) == 3600);
    const TimeZone utc = zone("UTC0");
    CHECK(utc.offset_seconds_at(at("2024-07-01T00:00:00Z")) == 0);
    CHECK(utc.from_local(date("2024-07-01"), 3600) == at("2024-07-01T01:00:00Z"));
}

TEST_CASE("copies share the rules and a default zone is UTC", "[time_zone]") {
    const TimeZone original = london();
    const TimeZone copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy.format(at("2024-07-01T12:00:00Z")) == "2024-07-01T13:00:00+01:00");
    const TimeZone empty{};
    CHECK(empty.offset_seconds_at(at("2024-07-01T12:00:00Z")) == 0);
    CHECK(empty.from_local(date("2024-07-01"), 0) == at("2024-07-01T00:00:00Z"));
}

TEST_CASE("bad rules are refused with a reason", "[time_zone]") {
    CHECK(why_rule_fails("GMT").find("must be followed by its offset") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST").find("not when it starts and ends") != std::string::npos);
    CHECK(why_rule_fails("G0").find("at least three letters") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST,M13.5.0,M10.5.0").find("\"M13.5.0\" should be") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST,M3.6.0,M10.5.0").find("\"M3.6.0\"") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST,M3.5.7,M10.5.0").find("\"M3.5.7\"") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST,J0,M10.5.0").find("\"J0\"") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST,M3.5.0").find("the end of daylight-saving time") != std::string::npos);
    CHECK(why_rule_fails("GMT0BST,M3.5.0/1,M10.5.0/2 ").find("unexpected text") != std::string::npos);
    CHECK(why_rule_fails("GMT25").find("at most 24 hours") != std::string::npos);
    CHECK(why_rule_fails("LMT0:01:15").find("whole minutes") != std::string::npos);
    CHECK(why_rule_fails("<AB>0").find("at least three") != std::string::npos);
    CHECK(why_rule_fails("").find("(a rule looks like GMT0BST,M3.5.0/1,M10.5.0/2)") != std::string::npos);
    CHECK_FALSE(TimeZone::from_posix("x", "nonsense").has_value());
}

TEST_CASE("formatted local times parse back to the same whole second", "[time_zone]") {
    const TimeZone z = london();
    std::mt19937_64 rng(7);
    const Instant first = at("1900-01-01T00:00:00Z");
    const Instant span = at("2200-01-01T00:00:00Z") - first;
    for (int i = 0; i < 20000; ++i) {
        const Instant t = first + static_cast<Instant>(rng() % static_cast<std::uint64_t>(span));
        const std::string text = z.format(t);
        INFO(t << " " << text);
        const Instant whole = t - ((t % micros_per_second) + micros_per_second) % micros_per_second;
        REQUIRE(parse_datetime(text) == whole);
        const LocalTime local = z.to_local(t);
        REQUIRE(z.from_local(local.day, local.seconds_of_day) <= whole);
    }
}

TEST_CASE("mangled rules are either refused with a reason or give a working zone", "[time_zone]") {
    std::mt19937 rng(1);
    const std::string alphabet = "0123456789MJ.,/:+-<>ABT";
    for (int i = 0; i < 3000; ++i) {
        std::string rule = "GMT0BST,M3.5.0/1,M10.5.0/2";
        for (auto edits = 1 + rng() % 3; edits > 0 && !rule.empty(); --edits) {
            const std::size_t at_index = rng() % rule.size();
            const char c = alphabet[rng() % alphabet.size()];
            switch (rng() % 3) {
                case 0: rule[at_index] = c; break;
                case 1: rule.insert(at_index, 1, c); break;
                default: rule.erase(at_index, 1); break;
            }
        }
        INFO(rule);
        std::string why;
        const std::optional<TimeZone> z = TimeZone::from_posix("x", rule, &why);
        if (!z) {
            REQUIRE_FALSE(why.empty());
            continue;
        }
        const Instant t = at("2024-06-01T12:00:00Z");
        REQUIRE(parse_datetime(z->format(t)) == t);
    }
}
