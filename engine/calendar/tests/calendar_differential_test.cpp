// Compares the calendar library with an independent Python implementation (tests/unit/data/
// make_calendar_cases.py, which uses the tz database through zoneinfo) on thousands of seeded
// random cases. A failure lists the first few disagreements together with the whole case, so that
// it can be reproduced by hand.
#include "engine/calendar/calendar.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace frontdoor::time;
using nlohmann::json;

namespace {

const json& cases() {
    static const json document = [] {
        std::ifstream in(FRONTDOOR_SOURCE_DIR "/tests/unit/data/calendar_cases.json", std::ios::binary);
        REQUIRE(in.good());
        return json::parse(in);
    }();
    return document;
}

const Calendar& london_office() {
    static const Calendar calendar = [] {
        std::string why;
        std::optional<TimeZone> zone =
            TimeZone::from_posix("Europe/London", cases()["posix_rule"].get<std::string>(), &why);
        INFO(why);
        REQUIRE(zone.has_value());
        auto holidays =
            read_govuk_holidays(read_text(FRONTDOOR_SHARED_DIR "/spec/bank-holidays.json"), "england-and-wales", &why);
        INFO(why);
        REQUIRE(holidays.has_value());
        std::array<std::vector<OpeningInterval>, 7> week;
        for (std::size_t i = 0; i < 5; ++i) week[i] = {{9 * 3600, 17 * 3600}};
        return Calendar("office", *zone, week, *holidays);
    }();
    return calendar;
}

// Collects disagreements and keeps the first few in full.
class Mismatches {
public:
    void expect(bool same, const json& the_case, const std::string& what, const std::string& got) {
        ++checked_;
        if (same) return;
        if (++count_ <= 10) report_ += what + ": got " + got + " in case " + the_case.dump() + "\n";
    }
    int count() const { return count_; }
    int checked() const { return checked_; }
    const std::string& report() const { return report_; }

private:
    int count_ = 0;
    int checked_ = 0;
    std::string report_;
};

DayNumber date_of(const json& value) { return *parse_date(value.get<std::string>()); }

// `expected` is the reference's answer, or null when the question needs a weekday beyond the
// holiday data: then the calendar must throw BeyondHolidayData, and nothing else.
template <typename Question>
void expect_answer(Mismatches& m, const json& the_case, const std::string& what, const json& expected,
                   Question question) {
    try {
        const json got = question();
        m.expect(!expected.is_null() && got == expected, the_case, what, got.dump());
    } catch (const BeyondHolidayData& beyond) {
        m.expect(expected.is_null(), the_case, what, std::string("refused: ") + beyond.what());
    }
}

void require_none(const Mismatches& m, std::size_t expected_min_checks) {
    INFO(m.count() << " of " << m.checked() << " checks disagree; the first ones:\n" << m.report());
    CHECK(m.count() == 0);
    CHECK(static_cast<std::size_t>(m.checked()) >= expected_min_checks);
}

}  // namespace

TEST_CASE("instants agree with zoneinfo and the Python office calendar", "[calendar][differential]") {
    const Calendar& office = london_office();
    const TimeZone& zone = office.zone();
    const json& instants = cases()["instants"];
    REQUIRE(instants.size() >= 1000);
    Mismatches m;
    for (const json& c : instants) {
        std::string why;
        const std::optional<Instant> parsed = parse_datetime(c["input"].get<std::string>(), &why);
        m.expect(parsed == c["instant"].get<Instant>(), c, "parse_datetime", parsed ? std::to_string(*parsed) : why);
        const auto t = c["instant"].get<Instant>();
        const int offset = zone.offset_seconds_at(t);
        m.expect(offset == c["offset"].get<int>(), c, "offset", std::to_string(offset));
        const std::string local = zone.format(t);
        m.expect(local == c["local"].get<std::string>(), c, "format", local);
        const DayNumber day = office.local_date(t);
        m.expect(day == date_of(c["local_date"]), c, "local_date", format_date(day));
        // A null answer depends on a weekday beyond the holiday data: the calendar must refuse it.
        expect_answer(m, c, "is_working_day", c["working_day"], [&] { return json(office.is_working_day(day)); });
        expect_answer(m, c, "is_open", c["is_open"], [&] { return json(office.is_open(t)); });
        expect_answer(m, c, "next_opening", c["next_opening"],
                      [&] { return json(zone.format(office.next_opening(t))); });
        const json& after = c["working_days_after"];
        for (int n = 1; n <= static_cast<int>(after.size()); ++n) {
            expect_answer(m, c, "add_working_days n=" + std::to_string(n), after[static_cast<std::size_t>(n - 1)],
                          [&] { return json(office.add_working_days(t, n) / micros_per_second); });
        }
    }
    require_none(m, instants.size() * 22);
}

TEST_CASE("local wall times map to the same instants as zoneinfo with fold=0", "[calendar][differential]") {
    const TimeZone& zone = london_office().zone();
    Mismatches m;
    for (const json& c : cases()["from_local"]) {
        const Instant t = zone.from_local(date_of(c["date"]), c["seconds"].get<int>());
        m.expect(t == c["instant"].get<Instant>(), c, "from_local", std::to_string(t) + " = " + zone.format(t));
    }
    require_none(m, 500);
}

TEST_CASE("ages agree with the Python birthday rule", "[calendar][differential]") {
    Mismatches m;
    for (const json& c : cases()["ages"]) {
        const int age = whole_years_between(date_of(c["birth"]), date_of(c["on"]));
        m.expect(age == c["age"].get<int>(), c, "whole_years_between", std::to_string(age));
    }
    require_none(m, 1000);
}

TEST_CASE("month arithmetic agrees with the Python clamping rule", "[calendar][differential]") {
    Mismatches m;
    for (const json& c : cases()["months"]) {
        const DayNumber result = add_months_clamped(date_of(c["date"]), c["months"].get<int>());
        m.expect(result == date_of(c["result"]), c, "add_months_clamped", format_date(result));
    }
    require_none(m, 1000);
}
