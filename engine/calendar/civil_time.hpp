#pragma once
// Civil (proleptic Gregorian) dates and UTC instants as plain integers, with RFC 3339 parsing.
// Nothing here reads the system clock, the process time zone or the locale.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::time {

// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before).
using DayNumber = std::int32_t;
// Microseconds since 1970-01-01T00:00:00Z (negative before).
using Instant = std::int64_t;

inline constexpr Instant micros_per_second = 1'000'000;
inline constexpr int seconds_per_day = 86'400;

// The dates and times Frontdoor reads, computes and writes: the years RFC 3339 can write in four
// digits. The reader refuses anything outside, and a computed date or time outside is an evaluation
// error that refuses the contact (never a wrapped value, never a five-digit year in a decision).
inline constexpr int earliest_year = 0;
inline constexpr int latest_year = 9999;
inline constexpr DayNumber earliest_day = -719'528;  // 0000-01-01
inline constexpr DayNumber latest_day = 2'932'896;   // 9999-12-31
// An instant is written in a time zone whose offset may be up to a day, so the instants are those
// whose UTC date is one day inside the range: 0000-01-02T00:00:00Z to 9999-12-30T23:59:59.999999Z.
// Any offset under 24 hours then writes a date within the years above.
inline constexpr Instant earliest_instant = (Instant{earliest_day} + 1) * 86'400'000'000;
inline constexpr Instant latest_instant = Instant{latest_day} * 86'400'000'000 - 1;
inline constexpr bool in_range_day(std::int64_t day) { return day >= earliest_day && day <= latest_day; }
inline constexpr bool in_range_instant(Instant t) { return t >= earliest_instant && t <= latest_instant; }

struct CivilDate {
    int year;
    int month;  // 1..12
    int day;    // 1..31
};

// The day number of y-m-d, or nullopt for an impossible date (2023-02-29, 2024-13-01, day 0).
std::optional<DayNumber> day_number(int year, int month, int day);
CivilDate civil_date(DayNumber day);
// ISO weekday: 1 = Monday .. 7 = Sunday.
int iso_weekday(DayNumber day);
bool is_leap_year(int year);
int days_in_month(int year, int month);

// The same day number `months` months later (negative: earlier), clamped to the last day of the
// target month: 2024-05-31 - 3 months = 2024-02-29; 2024-11-30 - 3 months = 2024-08-30.
DayNumber add_months_clamped(DayNumber day, int months);

// Whole years from `birth` to `on` (an age). A 29 February birthday counts as reached on
// 1 March in years without that date. Negative when `on` is before `birth`.
int whole_years_between(DayNumber birth, DayNumber on);

// Parses "YYYY-MM-DD" exactly (no other form). On failure returns nullopt and, when `why` is not
// null, sets it to a sentence fit for a refusal ("2023-02-29 is not a date: 2023 is not a leap year").
std::optional<DayNumber> parse_date(std::string_view text, std::string* why = nullptr);

// Parses RFC 3339 "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+hh:mm|-hh:mm)" exactly: seconds and an offset
// are required, 'T' and 'Z' are upper case, the fraction has at least one digit and is truncated to
// microseconds. Hour 00..23, minute 00..59, second 00..59 (no leap second), offset hours 00..23.
std::optional<Instant> parse_datetime(std::string_view text, std::string* why = nullptr);

// "YYYY-MM-DD".
std::string format_date(DayNumber day);
// The same, appended to `out` (no temporary string: decisions write many dates).
void append_date(std::string& out, DayNumber day);

// Floor division helpers that are right for negative instants.
inline DayNumber utc_day_of(Instant t) {
    std::int64_t s = t >= 0 ? t / micros_per_second : -((-t + micros_per_second - 1) / micros_per_second);
    std::int64_t d = s >= 0 ? s / seconds_per_day : -((-s + seconds_per_day - 1) / seconds_per_day);
    return static_cast<DayNumber>(d);
}

}  // namespace frontdoor::time
