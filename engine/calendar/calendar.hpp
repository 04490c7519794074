#pragma once
// A working calendar: a time zone, weekly opening hours and a list of holidays. Immutable once
// built; safe to share between threads.
#include "civil_time.hpp"
#include "time_zone.hpp"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::time {

struct OpeningInterval {
    int open_seconds;   // seconds after local midnight, inclusive
    int close_seconds;  // exclusive; open_seconds < close_seconds <= 86400
};

struct Holiday {
    DayNumber day;
    std::string title;  // "Easter Monday"
};

// A working-day question about a day that the calendar's holiday data does not cover (its years run
// from the first to the last year its holiday list mentions). Any answer would be a guess, since a
// bank holiday on that day is unknown, so the question is refused rather than answered as if there
// were none.
struct BeyondHolidayData : std::runtime_error {
    BeyondHolidayData(const std::string& message, DayNumber unknown_day)
        : std::runtime_error(message), day(unknown_day) {}
    DayNumber day;
};

class Calendar {
public:
    // `week[0]` is Monday .. `week[6]` Sunday; intervals sorted and not overlapping.
    // `holidays` in any order; duplicates allowed (the first title wins).
    Calendar(std::string name, TimeZone zone, std::array<std::vector<OpeningInterval>, 7> week,
             std::vector<Holiday> holidays);

    const std::string& name() const { return name_; }
    const TimeZone& zone() const { return zone_; }

    // A working day has opening hours on its weekday and is not a holiday. Throws BeyondHolidayData
    // when `day` has opening hours on its weekday but lies outside the years of the holiday data
    // (a calendar with no holidays at all is never beyond them). Every question below that consults
    // it throws the same way, and only when the answer depends on such a day.
    bool is_working_day(DayNumber day) const;
    // The holiday's title when `day` is a holiday.
    const Holiday* holiday_on(DayNumber day) const;
    // True when `t` falls inside an opening interval of a working day (open inclusive, close exclusive).
    bool is_open(Instant t) const;
    // The earliest start of an opening interval at or after `t`.
    Instant next_opening(Instant t) const;
    // Close of business (the last closing time) on the n-th working day after the local date of
    // `t`, that date being day 0. n >= 1.
    Instant add_working_days(Instant t, int n) const;
    DayNumber local_date(Instant t) const { return zone_.to_local(t).day; }
    const std::array<std::vector<OpeningInterval>, 7>& week() const { return week_; }
    // The days the holiday data covers: 1 January of its first year to 31 December of its last;
    // empty when the calendar has no holidays.
    std::optional<std::pair<DayNumber, DayNumber>> holiday_years() const { return holiday_years_; }

private:
    [[noreturn]] void beyond_holiday_data(DayNumber day) const;

    std::string name_;
    TimeZone zone_;
    std::array<std::vector<OpeningInterval>, 7> week_;
    std::vector<Holiday> holidays_;  // sorted by day, unique
    std::optional<std::pair<DayNumber, DayNumber>> holiday_years_;
};

// Reads holidays of one division from the gov.uk bank-holidays JSON layout
// ({"england-and-wales": {"division": ..., "events": [{"title", "date", ...}]}}).
// On error returns nullopt and sets `why` (a sentence naming what was wrong and where).
std::optional<std::vector<Holiday>> read_govuk_holidays(std::string_view json_text, std::string_view division,
                                                        std::string* why);

// "Saturday 30 March 2024": English day and month names, independent of the locale.
std::string describe_day(DayNumber day);
// "09:00", "17:30".
std::string describe_time_of_day(int seconds_of_day);

}  // namespace frontdoor::time
