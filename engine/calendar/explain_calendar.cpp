#include "explain_calendar.hpp"

#include "calendar_names.hpp"

namespace frontdoor::time {

namespace {

std::string offset_text(int offset_seconds) {
    int minutes = offset_seconds / 60;
    char sign = minutes < 0 ? '-' : '+';
    if (minutes < 0) minutes = -minutes;
    std::string hh = std::to_string(minutes / 60), mm = std::to_string(minutes % 60);
    return std::string(1, sign) + (hh.size() < 2 ? "0" : "") + hh + ":" + (mm.size() < 2 ? "0" : "") + mm;
}

// Why a day is not a working day: "a Saturday", "a bank holiday: Easter Monday".
std::string why_not_working(const Calendar& calendar, DayNumber day) {
    if (const Holiday* holiday = calendar.holiday_on(day)) return "a holiday: " + holiday->title;
    return "not an opening day (" + std::string(detail::weekday_names[static_cast<std::size_t>(iso_weekday(day) - 1)]) +
           ")";
}

}  // namespace

std::string describe_opening_hours(const Calendar& calendar) {
    std::string out;
    const auto& week = calendar.week();
    std::size_t day = 0;
    while (day < 7) {
        if (week[day].empty()) {
            ++day;
            continue;
        }
        std::size_t last = day;
        while (last + 1 < 7 && week[last + 1].size() == week[day].size() &&
               std::equal(week[day].begin(), week[day].end(), week[last + 1].begin(), [](const auto& a, const auto& b) {
                   return a.open_seconds == b.open_seconds && a.close_seconds == b.close_seconds;
               }))
            ++last;
        if (!out.empty()) out += "; ";
        out += std::string(detail::weekday_names[day]);
        if (last > day) out += " to " + std::string(detail::weekday_names[last]);
        for (std::size_t i = 0; i < week[day].size(); ++i)
            out += (i ? " and " : ", ") + describe_time_of_day(week[day][i].open_seconds) + " to " +
                   describe_time_of_day(week[day][i].close_seconds);
        day = last + 1;
    }
    return out + ", except holidays";
}

std::string describe_instant(const Calendar& calendar, Instant t) {
    LocalTime local = calendar.zone().to_local(t);
    return describe_day(local.day) + " at " + describe_time_of_day(local.seconds_of_day) + " (" +
           offset_text(local.offset_seconds) + ")";
}

std::string explain_is_open(const Calendar& calendar, Instant t) {
    LocalTime local = calendar.zone().to_local(t);
    std::string when = describe_instant(calendar, t);
    if (!calendar.is_working_day(local.day))
        return when + " is outside opening hours: " + describe_day(local.day) + " is " +
               why_not_working(calendar, local.day);
    if (calendar.is_open(t)) return when + " is within opening hours (" + describe_opening_hours(calendar) + ")";
    return when + " is outside opening hours (" + describe_opening_hours(calendar) + ")";
}

std::vector<std::string> explain_next_opening(const Calendar& calendar, Instant t) {
    std::vector<std::string> out;
    Instant opening = calendar.next_opening(t);
    out.push_back(explain_is_open(calendar, t));
    DayNumber from = calendar.local_date(t), to = calendar.local_date(opening);
    for (DayNumber day = from + 1; day < to; ++day)
        out.push_back(
            describe_day(day) + " is " +
            (calendar.is_working_day(day) ? "a working day but already past" : why_not_working(calendar, day)));
    out.push_back("so the next opening is " + describe_instant(calendar, opening));
    return out;
}

std::vector<std::string> explain_working_days(const Calendar& calendar, Instant t, int n) {
    std::vector<std::string> out;
    DayNumber day = calendar.local_date(t);
    out.push_back("day 0 is " + describe_day(day) + ", the local date of " + describe_instant(calendar, t));
    int counted = 0;
    std::string skipped;
    while (counted < n) {
        ++day;
        if (!calendar.is_working_day(day)) {
            if (const Holiday* holiday = calendar.holiday_on(day))
                skipped += (skipped.empty() ? "" : "; ") + describe_day(day) + " (" + holiday->title + ")";
            continue;
        }
        ++counted;
    }
    if (!skipped.empty()) out.push_back("holidays not counted: " + skipped);
    out.push_back("days with no opening hours are not counted; working day " + std::to_string(n) + " is " +
                  describe_day(day));
    out.push_back("due at its closing time: " + describe_instant(calendar, calendar.add_working_days(t, n)));
    return out;
}

}  // namespace frontdoor::time
