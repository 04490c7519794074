#include "civil_time.hpp"

#include <array>
#include <cstdlib>

namespace frontdoor::time {
namespace {

// Years far enough from zero that their day numbers would not fit a DayNumber are refused, so the
// arithmetic below never overflows.
constexpr int max_abs_year = 5'000'000;

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date, no loops or tables.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

bool is_leap_year(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return lengths[static_cast<std::size_t>(month - 1)];
}

std::optional<DayNumber> day_number(int year, int month, int day) {
    if (year < -max_abs_year || year > max_abs_year || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return static_cast<DayNumber>(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

// Howard Hinnant's civil_from_days, the inverse of days_from_civil.
CivilDate civil_date(DayNumber day) {
    const std::int64_t z = std::int64_t{day} + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int iso_weekday(DayNumber day) {
    // 1970-01-01 was a Thursday (ISO 4); the remainder is made non-negative for earlier days.
    const int r = static_cast<int>((std::int64_t{day} + 3) % 7);
    return (r < 0 ? r + 7 : r) + 1;
}

DayNumber add_months_clamped(DayNumber day, int months) {
    const CivilDate c = civil_date(day);
    const std::int64_t index = std::int64_t{c.year} * 12 + (c.month - 1) + months;
    const std::int64_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
    const auto month = static_cast<int>(index - year * 12 + 1);
    const int length = days_in_month(static_cast<int>(year), month);
    const int clamped = c.day < length ? c.day : length;
    return static_cast<DayNumber>(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(clamped)));
}

int whole_years_between(DayNumber birth, DayNumber on) {
    const CivilDate b = civil_date(birth);
    const CivilDate o = civil_date(on);
    // Comparing (month, day) pairs makes a 29 February birthday count from 1 March in other years:
    // 28 February is before (2, 29) and 1 March is not.
    const bool before_birthday = o.month < b.month || (o.month == b.month && o.day < b.day);
    return o.year - b.year - (before_birthday ? 1 : 0);
}

std::string format_date(DayNumber day) {
    std::string out;
    append_date(out, day);
    return out;
}

void append_date(std::string& out, DayNumber day) {
    const CivilDate c = civil_date(day);
    if (c.year < 0) out += '-';
    const int year = std::abs(c.year);
    if (year <= 9999) {
        const char digits[4] = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                                static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10)};
        out.append(digits, 4);
    } else {
        out += std::to_string(year);
    }
    const char rest[6] = {'-', static_cast<char>('0' + c.month / 10), static_cast<char>('0' + c.month % 10),
                          '-', static_cast<char>('0' + c.day / 10),   static_cast<char>('0' + c.day % 10)};
    out.append(rest, 6);
}

}  // namespace frontdoor::time
