#include "engine/calendar/calendar.hpp"

#include "read_text.hpp"

#include "parse_or_fail.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace frontdoor::time;
using calendar_test::at;
using calendar_test::date;

namespace {

constexpr int nine = 9 * 3600;
constexpr int five_pm = 17 * 3600;

std::vector<Holiday> england_and_wales() {
    std::string why;
    auto holidays =
        read_govuk_holidays(read_text(FRONTDOOR_SHARED_DIR "/spec/bank-holidays.json"), "england-and-wales", &why);
    INFO(why);
    REQUIRE(holidays.has_value());
    return *holidays;
}

std::array<std::vector<OpeningInterval>, 7> weekdays(std::vector<OpeningInterval> hours) {
    std::array<std::vector<OpeningInterval>, 7> week;
    for (std::size_t i = 0; i < 5; ++i) week[i] = hours;
    return week;
}

const Calendar& office() {
    static const Calendar calendar("office", *TimeZone::from_posix("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0/2"),
                                   weekdays({{nine, five_pm}}), england_and_wales());
    return calendar;
}

std::string next_opening(const char* t) { return office().zone().format(office().next_opening(at(t))); }

std::string working_days_after(const char* t, int n) {
    return office().zone().format(office().add_working_days(at(t), n));
}

std::string why_holidays_fail(const std::string& json, const char* division = "england-and-wales") {
    std::string why;
    CHECK_FALSE(read_govuk_holidays(json, division, &why).has_value());
    return why;
}

}  // namespace

TEST_CASE("the gov.uk holiday file is read, one-off and substitute days included", "[calendar]") {
    const std::vector<Holiday> holidays = england_and_wales();
    CHECK(holidays.size() == 91);
    const Calendar& c = office();
    for (const char* day : {"2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2020-12-28",
                            "2021-12-27", "2021-12-28", "2022-12-26", "2022-12-27", "2024-03-29", "2024-04-01"}) {
        INFO(day);
        CHECK(c.holiday_on(date(day)) != nullptr);
        CHECK_FALSE(c.is_working_day(date(day)));
    }
    CHECK(c.holiday_on(date("2023-05-08"))->title == "Bank holiday for the coronation of King Charles III");
    CHECK(c.holiday_on(date("2024-04-01"))->title == "Easter Monday");
    CHECK(c.holiday_on(date("2024-04-02")) == nullptr);
    CHECK(c.is_working_day(date("2024-04-02")));
    CHECK(c.is_working_day(date("2020-12-24")));
    CHECK_FALSE(c.is_working_day(date("2024-03-30")));  // a Saturday
    CHECK_FALSE(c.is_working_day(date("2024-03-31")));  // a Sunday
}

TEST_CASE("office hours run from 09:00 inclusive to 17:00 exclusive on working days", "[calendar]") {
    const Calendar& c = office();
    CHECK_FALSE(c.is_open(at("2024-01-15T08:59:59Z")));
    CHECK_FALSE(c.is_open(at("2024-01-15T08:59:59.999999Z")));
    CHECK(c.is_open(at("2024-01-15T09:00:00Z")));
    CHECK(c.is_open(at("2024-01-15T16:59:59.999999Z")));
    CHECK_FALSE(c.is_open(at("2024-01-15T17:00:00Z")));
    CHECK_FALSE(c.is_open(at("2024-07-15T08:59:59+01:00")));
    CHECK(c.is_open(at("2024-07-15T09:00:00+01:00")));
    CHECK(c.is_open(at("2024-07-15T08:00:00Z")));
    CHECK_FALSE(c.is_open(at("2024-07-15T17:00:00+01:00")));
    CHECK_FALSE(c.is_open(at("2024-07-13T12:00:00+01:00")));  // Saturday
    CHECK_FALSE(c.is_open(at("2024-04-01T12:00:00+01:00")));  // Easter Monday
    CHECK_FALSE(c.is_open(at("2022-09-19T12:00:00+01:00")));  // the Queen's funeral
}

TEST_CASE("next opening is the earliest opening at or after the time", "[calendar]") {
    CHECK(next_opening("2024-01-15T08:00:00Z") == "2024-01-15T09:00:00+00:00");
    CHECK(next_opening("2024-01-15T08:59:59Z") == "2024-01-15T09:00:00+00:00");
    CHECK(next_opening("2024-01-15T09:00:00Z") == "2024-01-15T09:00:00+00:00");
    CHECK(next_opening("2024-01-15T09:00:00.000001Z") == "2024-01-16T09:00:00+00:00");
    CHECK(next_opening("2024-01-15T17:00:00Z") == "2024-01-16T09:00:00+00:00");
    CHECK(next_opening("2024-01-19T17:00:00Z") == "2024-01-22T09:00:00+00:00");
    CHECK(next_opening("2024-03-30T20:00:00Z") == "2024-04-02T09:00:00+01:00");
    CHECK(next_opening("2024-03-28T17:00:00Z") == "2024-04-02T09:00:00+01:00");
    CHECK(next_opening("2024-10-26T12:00:00+01:00") == "2024-10-28T09:00:00+00:00");
    CHECK(next_opening("2024-07-15T07:59:59Z") == "2024-07-15T09:00:00+01:00");
    CHECK(next_opening("2020-12-24T17:00:00Z") == "2020-12-29T09:00:00+00:00");
    CHECK(next_opening("2021-12-24T10:00:00Z") == "2021-12-29T09:00:00+00:00");
    CHECK(next_opening("2022-12-23T17:00:00Z") == "2022-12-28T09:00:00+00:00");
    CHECK(next_opening("2020-05-07T17:30:00+01:00") == "2020-05-11T09:00:00+01:00");
    CHECK(next_opening("2022-06-01T18:00:00+01:00") == "2022-06-06T09:00:00+01:00");
    CHECK(next_opening("2023-05-05T18:00:00+01:00") == "2023-05-09T09:00:00+01:00");
}

TEST_CASE("working days count from the local date, ending at close of business", "[calendar]") {
    CHECK(working_days_after("2024-03-27T20:00:00Z", 1) == "2024-03-28T17:00:00+00:00");
    CHECK(working_days_after("2024-03-27T20:00:00Z", 2) == "2024-04-02T17:00:00+01:00");
    CHECK(working_days_after("2024-03-27T20:00:00Z", 3) == "2024-04-03T17:00:00+01:00");
    CHECK(working_days_after("2024-03-29T12:00:00Z", 1) == "2024-04-02T17:00:00+01:00");
    CHECK(working_days_after("2024-04-02T09:00:00+01:00", 10) == "2024-04-16T17:00:00+01:00");
    // 23:30 UTC on 30 June is already 1 July in London, so 1 July is day 0.
    CHECK(working_days_after("2024-06-30T23:30:00Z", 1) == "2024-07-02T17:00:00+01:00");
    CHECK(working_days_after("2024-10-25T12:00:00+01:00", 1) == "2024-10-28T17:00:00+00:00");
    CHECK(working_days_after("2023-12-22T12:00:00Z", 1) == "2023-12-27T17:00:00+00:00");
    CHECK(working_days_after("2020-12-24T12:00:00Z", 1) == "2020-12-29T17:00:00+00:00");
    CHECK(working_days_after("2021-12-23T12:00:00Z", 2) == "2021-12-29T17:00:00+00:00");
    CHECK(working_days_after("2022-12-23T12:00:00Z", 1) == "2022-12-28T17:00:00+00:00");
    CHECK(working_days_after("2022-06-01T12:00:00+01:00", 1) == "2022-06-06T17:00:00+01:00");
    CHECK(working_days_after("2022-09-16T12:00:00+01:00", 1) == "2022-09-20T17:00:00+01:00");
    CHECK(working_days_after("2020-05-07T12:00:00+01:00", 1) == "2020-05-11T17:00:00+01:00");
    CHECK(working_days_after("2023-12-20T12:00:00Z", 10) == "2024-01-08T17:00:00+00:00");
    CHECK_THROWS_AS(office().add_working_days(at("2024-01-15T12:00:00Z"), 0), std::invalid_argument);
}

TEST_CASE("opening hours may be split and may include weekends", "[calendar]") {
    auto week = weekdays({{nine, 12 * 3600 + 1800}, {13 * 3600 + 1800, five_pm}});
    week[5] = {{10 * 3600, 12 * 3600}};
    const Calendar c("split", *TimeZone::from_posix("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0/2"), week,
                     {{date("2024-01-15"), "First"}, {date("2024-01-15"), "Second"}});
    CHECK(c.holiday_on(date("2024-01-15"))->title == "First");
    CHECK_FALSE(c.is_open(at("2024-01-16T12:45:00Z")));
    CHECK(c.zone().format(c.next_opening(at("2024-01-16T12:45:00Z"))) == "2024-01-16T13:30:00+00:00");
    CHECK(c.zone().format(c.next_opening(at("2024-01-19T17:00:00Z"))) == "2024-01-20T10:00:00+00:00");
    CHECK(c.is_open(at("2024-01-20T11:59:59Z")));
    CHECK(c.zone().format(c.add_working_days(at("2024-01-19T12:00:00Z"), 1)) == "2024-01-20T12:00:00+00:00");
    CHECK(c.zone().format(c.add_working_days(at("2024-01-12T12:00:00Z"), 2)) == "2024-01-16T17:00:00+00:00");
}

TEST_CASE("a calendar refuses opening hours that cannot be right", "[calendar]") {
    const TimeZone z = *TimeZone::from_posix("UTC", "UTC0");
    CHECK_THROWS_AS(Calendar("none", z, {}, {}), std::invalid_argument);
    CHECK_THROWS_AS(Calendar("backwards", z, weekdays({{five_pm, nine}}), {}), std::invalid_argument);
    CHECK_THROWS_AS(Calendar("overlap", z, weekdays({{nine, five_pm}, {nine + 60, five_pm + 60}}), {}),
                    std::invalid_argument);
    CHECK_THROWS_AS(Calendar("long", z, weekdays({{nine, 86401}}), {}), std::invalid_argument);
    const Calendar midnight("midnight", z, weekdays({{nine, 86400}}), {});
    CHECK(z.format(midnight.add_working_days(at("2024-01-15T12:00:00Z"), 1)) == "2024-01-17T00:00:00+00:00");
}

TEST_CASE("a broken holiday file is refused with where and what", "[calendar]") {
    CHECK(why_holidays_fail("{\n  \"england-and-wales\": {\n    \"events\": [\n  }\n}") ==
          "the bank-holidays file is not valid JSON: there is a mistake on line 4 (look for a missing comma, "
          "quote or bracket)");
    CHECK(why_holidays_fail("[]").find("should hold one entry per division") != std::string::npos);
    CHECK(why_holidays_fail(R"({"england-and-wales": {"events": []}})", "scotland") ==
          "the bank-holidays file has no division \"scotland\" (it has england-and-wales)");
    CHECK(why_holidays_fail(R"({"england-and-wales": {"division": "england-and-wales"}})") ==
          "in the bank-holidays file, division \"england-and-wales\" should have a list called \"events\"");
    CHECK(why_holidays_fail(R"({"england-and-wales": {"events": [{"title": "A", "date": "2024-01-01"},
        {"title": "Boxing Day", "date": "2023-02-29"}]}})") ==
          "in the bank-holidays file, division \"england-and-wales\", event 2 (\"Boxing Day\"): 2023-02-29 is not "
          "a date: 2023 is not a leap year, so it has no 29 February");
    CHECK(why_holidays_fail(R"({"england-and-wales": {"events": [{"date": "2024-01-01"}]}})")
              .find("event 1 has no \"title\"") != std::string::npos);
    CHECK(why_holidays_fail(R"({"england-and-wales": {"events": [{"title": "A", "date": 20240101}]}})")
              .find("event 1 (\"A\") has no \"date\" written in quotes") != std::string::npos);
    CHECK(why_holidays_fail(R"({"england-and-wales": {"events": [1]}})").find("event 1 should have") !=
          std::string::npos);
    const auto empty = read_govuk_holidays(R"({"england-and-wales": {"events": []}})", "england-and-wales", nullptr);
    REQUIRE(empty.has_value());
    CHECK(empty->empty());
}

TEST_CASE("days and times are described in English", "[calendar]") {
    CHECK(describe_day(date("2024-03-30")) == "Saturday 30 March 2024");
    CHECK(describe_day(date("2024-04-02")) == "Tuesday 2 April 2024");
    CHECK(describe_time_of_day(nine) == "09:00");
    CHECK(describe_time_of_day(five_pm + 1800) == "17:30");
    CHECK(describe_time_of_day(5) == "00:00:05");
    CHECK(office().local_date(at("2024-06-30T23:30:00Z")) == date("2024-07-01"));
}

TEST_CASE("a working-day question beyond the holiday data's years is refused, and only then", "[calendar]") {
    REQUIRE(office().holiday_years().has_value());
    CHECK(format_date(office().holiday_years()->first) == "2018-01-01");
    CHECK(format_date(office().holiday_years()->second) == "2028-12-31");
    // Answers that need no weekday outside 2018-2028.
    CHECK_FALSE(office().is_working_day(date("2029-01-06")));                    // a Saturday has no opening hours
    CHECK_FALSE(office().is_open(at("2029-01-02T20:00:00Z")));                   // after hours on any day
    CHECK(next_opening("2018-01-01T08:00:00Z") == "2018-01-02T09:00:00+00:00");  // 1 January is a holiday
    CHECK(working_days_after("2028-12-20T12:00:00Z", 3) == "2028-12-27T17:00:00+00:00");  // over Christmas
    // Answers that do: each names the day and the year to add.
    try {
        (void)office().add_working_days(at("2028-12-20T12:00:00Z"), 10);
        FAIL("ten working days after 20 December 2028 were counted without 2029's holidays");
    } catch (const BeyondHolidayData& beyond) {
        CHECK(format_date(beyond.day) == "2029-01-01");
        CHECK(std::string(beyond.what()) ==
              "calendar office knows its holidays for 2018 to 2028 only, and the decision needs to know whether "
              "Monday 1 January 2029 is a working day: add the holidays of 2029 to its holiday file");
    }
    CHECK_THROWS_AS(office().is_open(at("2029-01-02T10:00:00Z")), BeyondHolidayData);
    CHECK_THROWS_AS(office().next_opening(at("2028-12-29T18:00:00Z")), BeyondHolidayData);
    CHECK_THROWS_AS(office().is_working_day(date("2017-12-29")), BeyondHolidayData);
    // A calendar without holidays has none in any year.
    const Calendar plain("plain", *TimeZone::from_posix("UTC", "UTC0"), weekdays({{nine, five_pm}}), {});
    CHECK_FALSE(plain.holiday_years().has_value());
    CHECK(plain.is_working_day(date("2099-01-01")));
}
