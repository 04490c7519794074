#include "engine/calendar/civil_time.hpp"

#include "parse_or_fail.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace frontdoor::time;
using calendar_test::at;
using calendar_test::date;

namespace {

std::string why_date_fails(const char* text) {
    std::string why;
    CHECK_FALSE(parse_date(text, &why).has_value());
    return why;
}

std::string why_datetime_fails(const char* text) {
    std::string why;
    CHECK_FALSE(parse_datetime(text, &why).has_value());
    return why;
}

}  // namespace

TEST_CASE("day numbers count from 1970-01-01 and round-trip", "[civil_time]") {
    CHECK(day_number(1970, 1, 1) == 0);
    CHECK(day_number(1969, 12, 31) == -1);
    CHECK(day_number(2000, 3, 1) == 11017);
    CHECK(day_number(2024, 3, 30) == 19812);
    CHECK(day_number(1600, 2, 29).has_value());
    CHECK(day_number(0, 1, 1) == -719528);
    for (DayNumber day = -800'000; day <= 800'000; day += 37) {
        const CivilDate c = civil_date(day);
        REQUIRE(day_number(c.year, c.month, c.day) == day);
    }
    const CivilDate c = civil_date(19812);
    CHECK((c.year == 2024 && c.month == 3 && c.day == 30));
}

TEST_CASE("impossible dates have no day number", "[civil_time]") {
    CHECK_FALSE(day_number(2023, 2, 29).has_value());
    CHECK_FALSE(day_number(1900, 2, 29).has_value());
    CHECK(day_number(2000, 2, 29).has_value());
    CHECK_FALSE(day_number(2024, 13, 1).has_value());
    CHECK_FALSE(day_number(2024, 0, 1).has_value());
    CHECK_FALSE(day_number(2024, 1, 0).has_value());
    CHECK_FALSE(day_number(2024, 4, 31).has_value());
    CHECK_FALSE(day_number(2024, 1, 32).has_value());
}

TEST_CASE("leap years and month lengths", "[civil_time]") {
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2023));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(2024, 4) == 30);
    CHECK(days_in_month(2024, 12) == 31);
}

TEST_CASE("ISO weekdays", "[civil_time]") {
    CHECK(iso_weekday(0) == 4);  // 1970-01-01, a Thursday
    CHECK(iso_weekday(-1) == 3);
    CHECK(iso_weekday(-4) == 7);
    CHECK(iso_weekday(date("2024-03-30")) == 6);
    CHECK(iso_weekday(date("2024-04-01")) == 1);
    CHECK(iso_weekday(date("1900-01-01")) == 1);
}

TEST_CASE("months are added with the day clamped to the target month", "[civil_time]") {
    CHECK(format_date(add_months_clamped(date("2024-05-31"), -3)) == "2024-02-29");
    CHECK(format_date(add_months_clamped(date("2023-05-31"), -3)) == "2023-02-28");
    CHECK(format_date(add_months_clamped(date("2024-11-30"), -3)) == "2024-08-30");
    CHECK(format_date(add_months_clamped(date("2024-01-31"), 1)) == "2024-02-29");
    CHECK(format_date(add_months_clamped(date("2024-02-15"), -2)) == "2023-12-15");
    CHECK(format_date(add_months_clamped(date("2024-03-31"), -25)) == "2022-02-28");
    CHECK(format_date(add_months_clamped(date("2024-12-31"), 12)) == "2025-12-31");
    CHECK(format_date(add_months_clamped(date("2024-07-10"), 0)) == "2024-07-10");
    CHECK(format_date(add_months_clamped(date("0001-01-31"), -13)) == "-0001-12-31");
}

TEST_CASE("a 29 February birthday is reached on 1 March in other years", "[civil_time]") {
    const DayNumber born = date("2008-02-29");
    CHECK(whole_years_between(born, date("2023-02-28")) == 14);
    CHECK(whole_years_between(born, date("2023-03-01")) == 15);
    CHECK(whole_years_between(born, date("2024-02-28")) == 15);
    CHECK(whole_years_between(born, date("2024-02-29")) == 16);
    CHECK(whole_years_between(born, born) == 0);
    CHECK(whole_years_between(date("2010-06-15"), date("2024-06-14")) == 13);
    CHECK(whole_years_between(date("2010-06-15"), date("2024-06-15")) == 14);
    CHECK(whole_years_between(date("2010-06-15"), date("2010-06-14")) < 0);
    CHECK(whole_years_between(date("2010-06-15"), date("2009-01-01")) < 0);
}

TEST_CASE("dates are parsed exactly and refused with a reason", "[civil_time]") {
    CHECK(parse_date("2024-03-30") == 19812);
    CHECK(why_date_fails("2023-02-29") ==
          "2023-02-29 is not a date: 2023 is not a leap year, so it has no 29 February");
    CHECK(why_date_fails("2024-02-30") == "2024-02-30 is not a date: February 2024 has 29 days");
    CHECK(why_date_fails("2024-04-31") == "2024-04-31 is not a date: April has 30 days");
    CHECK(why_date_fails("2024-13-01") == "2024-13-01 is not a date: there is no month 13 (months run from 01 to 12)");
    CHECK(why_date_fails("2024-00-10") == "2024-00-10 is not a date: there is no month 0 (months run from 01 to 12)");
    CHECK(why_date_fails("2024-01-00") == "2024-01-00 is not a date: days of the month start at 01");
    for (const char* bad : {"2024-3-30", "30/03/2024", "2024-03-30T00:00:00Z", " 2024-03-30", "", "2024_03_30",
                            "+2024-03-30", "2024-03-3x"}) {
        INFO(bad);
        CHECK(why_date_fails(bad).find("expected a date written year-month-day, like 2024-03-30") == 0);
    }
    CHECK_FALSE(parse_date("2024-02-30").has_value());  // `why` may be null
}

TEST_CASE("RFC 3339 times need seconds and an offset", "[civil_time]") {
    const Instant base = std::int64_t{date("2024-03-30")} * seconds_per_day * micros_per_second;
    const Instant eight_pm = base + std::int64_t{20} * 3600 * micros_per_second;
    CHECK(parse_datetime("2024-03-30T20:00:00Z") == eight_pm);
    CHECK(parse_datetime("2024-03-30T21:00:00+01:00") == eight_pm);
    CHECK(parse_datetime("2024-03-30T14:30:00-05:30") == eight_pm);
    CHECK(parse_datetime("2024-03-30T20:00:00-00:00") == eight_pm);
    CHECK(parse_datetime("2024-03-30T20:00:00.5Z") == eight_pm + 500'000);
    CHECK(parse_datetime("2024-03-30T20:00:00.123456Z") == eight_pm + 123'456);
    CHECK(parse_datetime("2024-03-30T20:00:00.1234569999Z") == eight_pm + 123'456);
    CHECK(parse_datetime("1969-12-31T23:59:59.999999Z") == -1);
    CHECK(parse_datetime("1970-01-01T00:00:00+23:59") == -(23 * 3600 + 59 * 60) * micros_per_second);

    const std::string example =
        "expected a time with seconds and an offset, like 2024-03-30T20:00:00Z or 2024-03-30T20:00:00+01:00";
    CHECK(why_datetime_fails("2024-03-30T20:00:00") ==
          "\"2024-03-30T20:00:00\" is not a time: it has no offset from UTC; " + example);
    CHECK(why_datetime_fails("2024-03-30T20:00Z") ==
          "\"2024-03-30T20:00Z\" is not a time: it has no seconds; " + example);
    CHECK(why_datetime_fails("2024-03-30t20:00:00Z").find("upper-case T") != std::string::npos);
    CHECK(why_datetime_fails("2024-03-30 20:00:00Z").find("upper-case T") != std::string::npos);
    CHECK(why_datetime_fails("2024-03-30T20:00:00z").find("upper case") != std::string::npos);
    CHECK(why_datetime_fails("2024-03-30T20:00:00.Z").find("at least one digit") != std::string::npos);
    CHECK(why_datetime_fails("2024-03-30").find("date without a time") != std::string::npos);
    for (const char* bad : {"2024-03-30T20:00:00+0100", "2024-03-30T20:00:00+01", "2024-03-30T20:00:00 Z",
                            "2024-03-30T20:00:00Z ", "2024-03-30T2:00:00Z", "2024-03-30T20:00:00,5Z",
                            "2024-03-30T20:00:00.5.5Z", "2024-03-30T20:00:00+01:00Z", "x"}) {
        INFO(bad);
        CHECK(why_datetime_fails(bad).find(example) != std::string::npos);
    }
    CHECK(why_datetime_fails("2023-02-29T20:00:00Z") ==
          "2023-02-29 is not a date: 2023 is not a leap year, so it has no 29 February");
    CHECK(why_datetime_fails("2024-03-30T24:00:00Z") ==
          "\"2024-03-30T24:00:00Z\" is not a time: hours run from 00 to 23");
    CHECK(why_datetime_fails("2024-03-30T20:60:00Z") ==
          "\"2024-03-30T20:60:00Z\" is not a time: minutes run from 00 to 59");
    CHECK(why_datetime_fails("2016-12-31T23:59:60Z").find("leap second") != std::string::npos);
    CHECK(why_datetime_fails("2024-03-30T20:00:00+24:00").find("the offset +24:00 is impossible") != std::string::npos);
    CHECK(why_datetime_fails("2024-03-30T20:00:00+01:60").find("the offset +01:60 is impossible") != std::string::npos);
}

TEST_CASE("dates are formatted with four-digit years", "[civil_time]") {
    CHECK(format_date(0) == "1970-01-01");
    CHECK(format_date(date("2024-02-29")) == "2024-02-29");
    CHECK(format_date(*day_number(812, 7, 4)) == "0812-07-04");
    CHECK(format_date(*day_number(-44, 3, 15)) == "-0044-03-15");
    CHECK(format_date(*day_number(12345, 1, 2)) == "12345-01-02");
}

TEST_CASE("UTC day of an instant floors negative instants", "[civil_time]") {
    CHECK(utc_day_of(0) == 0);
    CHECK(utc_day_of(-1) == -1);
    CHECK(utc_day_of(std::int64_t{seconds_per_day} * micros_per_second) == 1);
    CHECK(utc_day_of(-std::int64_t{seconds_per_day} * micros_per_second) == -1);
    CHECK(utc_day_of(-std::int64_t{seconds_per_day} * micros_per_second - 1) == -2);
}

TEST_CASE("random and mangled text never crashes the parsers and always gets a reason", "[civil_time]") {
    std::mt19937 rng(20240330);
    const std::string alphabet = "0123456789-:T Z+.tz";
    const std::string valid[] = {"2024-03-30T20:00:00.123Z", "2024-02-29T23:59:59+01:00", "2024-03-30"};
    for (int i = 0; i < 20000; ++i) {
        std::string text = valid[static_cast<std::size_t>(rng() % 3)];
        if (i % 2 == 0) {
            text.assign(rng() % 32, ' ');
            for (char& c : text) c = alphabet[rng() % alphabet.size()];
        } else {
            for (auto edits = 1 + rng() % 3; edits > 0 && !text.empty(); --edits) {
                const std::size_t at = rng() % text.size();
                const char c = alphabet[rng() % alphabet.size()];
                switch (rng() % 3) {
                    case 0: text[at] = c; break;
                    case 1: text.insert(at, 1, c); break;
                    default: text.erase(at, 1); break;
                }
            }
        }
        INFO(text);
        std::string why;
        if (!parse_datetime(text, &why)) REQUIRE_FALSE(why.empty());
        why.clear();
        if (const auto day = parse_date(text, &why)) {
            REQUIRE(format_date(*day) == text);
        } else {
            REQUIRE_FALSE(why.empty());
        }
    }
}
