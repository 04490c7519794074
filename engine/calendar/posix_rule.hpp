#pragma once
// The parts of a POSIX TZ rule ("GMT0BST,M3.5.0/1,M10.5.0/2"), for time_zone.cpp only.
//
// Boost's posix_time_zone reads offsets with the opposite sign to POSIX (it takes "EST5" as five
// hours east of UTC), takes an explicit daylight-saving offset as an adjustment rather than the
// offset itself, refuses transition times outside 00:00-24:00 and mishandles the "Jn" and "n" day
// forms. So the names, offsets and times are read here with POSIX meaning; Boost then turns each
// "Mm.w.d" day rule into a date for a given year.
#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::time::detail {

struct PosixDayRule {
    enum class Kind { month_week_day, julian_no_leap, zero_based };
    Kind kind = Kind::month_week_day;
    int month = 0;     // month_week_day: 1..12
    int week = 0;      // month_week_day: 1..5, 5 meaning the last
    int weekday = 0;   // month_week_day: 0 = Sunday .. 6
    int day = 0;       // julian_no_leap: 1..365 (29 February never counted); zero_based: 0..365
    std::string text;  // "M3.5.0", as written, for Boost
};

struct PosixRule {
    std::string std_name;
    int std_offset = 0;  // seconds east of UTC (POSIX "GMT0" is 0, "EST5" is -18000)
    bool has_dst = false;
    std::string dst_name;
    int dst_offset = 0;  // seconds east of UTC while daylight-saving time is in force
    PosixDayRule start;
    int start_time = 0;  // seconds after local (standard) midnight of the start day; may be < 0 or > 86400
    PosixDayRule end;
    int end_time = 0;  // seconds after local (daylight-saving) midnight of the end day
};

// Reads a rule; nullopt with `why` set (a sentence for the pack author) when it is not one.
std::optional<PosixRule> parse_posix_rule(std::string_view text, std::string* why);

}  // namespace frontdoor::time::detail
