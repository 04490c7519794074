#include "calendar.hpp"

#include "calendar_names.hpp"

#include <algorithm>
#include <stdexcept>

namespace frontdoor::time {
namespace {

const std::vector<OpeningInterval>& hours_on(const std::array<std::vector<OpeningInterval>, 7>& week, DayNumber day) {
    return week[static_cast<std::size_t>(iso_weekday(day) - 1)];
}

// A week that breaks the constructor's contract would give silently wrong deadlines, and one with
// no opening hours at all would make next_opening search forever; both are programming errors in
// whoever built the calendar, so they are refused loudly.
void check_week(const std::string& name, const std::array<std::vector<OpeningInterval>, 7>& week) {
    bool any = false;
    for (std::size_t i = 0; i < week.size(); ++i) {
        int previous_close = 0;
        for (const OpeningInterval& interval : week[i]) {
            if (interval.open_seconds < previous_close || interval.close_seconds <= interval.open_seconds ||
                interval.close_seconds > seconds_per_day) {
                throw std::invalid_argument("calendar \"" + name + "\": the opening hours on " +
                                            std::string(detail::weekday_names[i]) +
                                            " are not increasing, non-overlapping intervals within one day");
            }
            previous_close = interval.close_seconds;
            any = true;
        }
    }
    if (!any) throw std::invalid_argument("calendar \"" + name + "\" has no opening hours on any day of the week");
}

}  // namespace

Calendar::Calendar(std::string name, TimeZone zone, std::array<std::vector<OpeningInterval>, 7> week,
                   std::vector<Holiday> holidays)
    : name_(std::move(name)), zone_(std::move(zone)), week_(std::move(week)), holidays_(std::move(holidays)) {
    check_week(name_, week_);
    // A stable sort keeps duplicates in their given order, so unique() keeps the first title.
    std::stable_sort(holidays_.begin(), holidays_.end(),
                     [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    holidays_.erase(std::unique(holidays_.begin(), holidays_.end(),
                                [](const Holiday& a, const Holiday& b) { return a.day == b.day; }),
                    holidays_.end());
    if (!holidays_.empty()) {
        const int first = civil_date(holidays_.front().day).year;
        const int last = civil_date(holidays_.back().day).year;
        holiday_years_.emplace(*day_number(first, 1, 1), *day_number(last, 12, 31));
    }
}

void Calendar::beyond_holiday_data(DayNumber day) const {
    const int first = civil_date(holiday_years_->first).year;
    const int last = civil_date(holiday_years_->second).year;
    const std::string years =
        first == last ? std::to_string(first) : std::to_string(first) + " to " + std::to_string(last);
    throw BeyondHolidayData("calendar " + name_ + " knows its holidays for " + years +
                                " only, and the decision needs to know whether " + describe_day(day) +
                                " is a working day: add the holidays of " + std::to_string(civil_date(day).year) +
                                " to its holiday file",
                            day);
}

const Holiday* Calendar::holiday_on(DayNumber day) const {
    const auto it = std::lower_bound(holidays_.begin(), holidays_.end(), day,
                                     [](const Holiday& h, DayNumber d) { return h.day < d; });
    return it != holidays_.end() && it->day == day ? &*it : nullptr;
}

bool Calendar::is_working_day(DayNumber day) const {
    if (hours_on(week_, day).empty()) return false;
    if (holiday_years_ && (day < holiday_years_->first || day > holiday_years_->second)) beyond_holiday_data(day);
    return holiday_on(day) == nullptr;
}

bool Calendar::is_open(Instant t) const {
    // The opening hours first: a time outside them needs no holiday data.
    const LocalTime local = zone_.to_local(t);
    const std::vector<OpeningInterval>& hours = hours_on(week_, local.day);
    const bool in_hours = std::any_of(hours.begin(), hours.end(), [&](const OpeningInterval& interval) {
        return interval.open_seconds <= local.seconds_of_day && local.seconds_of_day < interval.close_seconds;
    });
    return in_hours && is_working_day(local.day);
}

Instant Calendar::next_opening(Instant t) const {
    // Starting a day early costs little and covers an opening moved across midnight by a
    // daylight-saving gap; a day is asked about (holidays) only once one of its openings is late
    // enough. The constructor guarantees opening hours on some weekday and there are finitely many
    // holidays, so the loop ends.
    for (DayNumber day = local_date(t) - 1;; ++day) {
        for (const OpeningInterval& interval : hours_on(week_, day)) {
            const Instant opening = zone_.from_local(day, interval.open_seconds);
            if (opening < t) continue;
            if (!is_working_day(day)) break;
            return opening;
        }
    }
}

Instant Calendar::add_working_days(Instant t, int n) const {
    if (n < 1) throw std::invalid_argument("add_working_days needs at least one working day, got " + std::to_string(n));
    DayNumber day = local_date(t);
    for (int counted = 0; counted < n;) {
        ++day;
        if (is_working_day(day)) ++counted;
    }
    return zone_.from_local(day, hours_on(week_, day).back().close_seconds);
}

std::string describe_day(DayNumber day) {
    const CivilDate c = civil_date(day);
    return std::string(detail::weekday_names[static_cast<std::size_t>(iso_weekday(day) - 1)]) + " " +
           std::to_string(c.day) + " " + std::string(detail::month_names[static_cast<std::size_t>(c.month - 1)]) + " " +
           std::to_string(c.year);
}

std::string describe_time_of_day(int seconds_of_day) {
    const auto two_digits = [](int value) {
        std::string text = std::to_string(value);
        return text.size() < 2 ? "0" + text : text;
    };
    std::string out = two_digits(seconds_of_day / 3600) + ":" + two_digits(seconds_of_day / 60 % 60);
    if (seconds_of_day % 60 != 0) out += ":" + two_digits(seconds_of_day % 60);
    return out;
}

}  // namespace frontdoor::time
