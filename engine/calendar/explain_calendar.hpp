#pragma once
// Plain-English reasoning for calendar arithmetic, for walkthroughs: why a time is or is not in
// opening hours, which days were skipped on the way to the next opening, how working days were
// counted. Sentences only; the arithmetic itself lives in Calendar.
#include "calendar.hpp"

#include <string>
#include <vector>

namespace frontdoor::time {

// "Monday to Friday, 09:00 to 17:00"
std::string describe_opening_hours(const Calendar& calendar);
// Why `t` is (or is not) within opening hours.
std::string explain_is_open(const Calendar& calendar, Instant t);
// From `t` to next_opening(t), naming each day passed over and why.
std::vector<std::string> explain_next_opening(const Calendar& calendar, Instant t);
// How add_working_days(t, n) was counted: day 0, the days skipped and why, the n-th working day.
std::vector<std::string> explain_working_days(const Calendar& calendar, Instant t, int n);
// "Tuesday 2 April 2024 at 09:00 (+01:00)"
std::string describe_instant(const Calendar& calendar, Instant t);

}  // namespace frontdoor::time
