#include "time_zone.hpp"

#include "posix_rule.hpp"

#include <boost/date_time/local_time/posix_time_zone.hpp>

#include <algorithm>
#include <cstring>
#include <vector>

namespace frontdoor::time {
namespace {

// The Gregorian calendar repeats every 400 years, which are exactly 146097 days or 20871 weeks, so
// a yearly rule gives the same transitions in year y and in year y + 400 shifted by this many
// seconds. One cycle of transitions, computed once, therefore answers for every instant.
constexpr std::int64_t cycle_seconds = std::int64_t{146097} * seconds_per_day;
constexpr int cycle_first_year = 2000;
constexpr std::int64_t cycle_start = std::int64_t{10957} * seconds_per_day;  // 2000-01-01T00:00:00Z

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct Transition {
    std::int64_t utc_seconds;  // the first second with the new offset
    int offset_seconds;
};

// The local date on which a rule's change happens in `year`. Boost handles "Mm.w.d"; the two
// day-of-year forms are plain arithmetic (Boost gets some of those days wrong).
DayNumber transition_day(const detail::PosixDayRule& rule,
                         const std::optional<boost::local_time::posix_time_zone>& boost_zone, int year) {
    const DayNumber january_first = *day_number(year, 1, 1);
    switch (rule.kind) {
        case detail::PosixDayRule::Kind::month_week_day: {
            const boost::gregorian::date d = boost_zone->dst_local_start_time(static_cast<unsigned short>(year)).date();
            return *day_number(d.year(), d.month(), d.day());
        }
        case detail::PosixDayRule::Kind::julian_no_leap:
            return january_first + rule.day - 1 + (is_leap_year(year) && rule.day >= 60 ? 1 : 0);
        case detail::PosixDayRule::Kind::zero_based: break;
    }
    return january_first + rule.day;
}

std::optional<boost::local_time::posix_time_zone> boost_zone_for(const detail::PosixDayRule& rule) {
    if (rule.kind != detail::PosixDayRule::Kind::month_week_day) return std::nullopt;
    // Only the date rule matters to Boost here; the offsets and times come from posix_rule.cpp.
    return boost::local_time::posix_time_zone("STD0DST," + rule.text + "," + rule.text);
}

}  // namespace

struct TimeZone::Rules {
    int std_offset = 0;
    int dst_offset = 0;
    // Sorted; covers one 400-year cycle from 2000 plus the years either side, so that the latest
    // transition at or before any instant of the cycle is present.
    std::vector<Transition> transitions;
    // (transitions - 1) / (last - first): interpolating by a multiplication, not a 64-bit division
    // (which takes tens of cycles on every lookup).
    double transitions_per_second = 0;

    int offset_at_seconds(std::int64_t utc_seconds) const {
        if (transitions.empty()) return std_offset;
        const std::int64_t s = utc_seconds - floor_div(utc_seconds - cycle_start, cycle_seconds) * cycle_seconds;
        // Transitions come about twice a year, evenly enough that interpolation lands within a
        // step or two of the answer; the walks below make it exact whatever the spacing.
        const std::int64_t first = transitions.front().utc_seconds, last = transitions.back().utc_seconds;
        const auto n = static_cast<std::int64_t>(transitions.size());
        std::int64_t guess = s <= first ? 0
                             : s >= last
                                 ? n
                                 : static_cast<std::int64_t>(static_cast<double>(s - first) * transitions_per_second);
        while (guess > 0 && transitions[static_cast<std::size_t>(guess - 1)].utc_seconds > s) --guess;
        while (guess < n && transitions[static_cast<std::size_t>(guess)].utc_seconds <= s) ++guess;
        const auto after = transitions.begin() + guess;  // the first transition after s
        if (after == transitions.begin()) return after->offset_seconds == dst_offset ? std_offset : dst_offset;
        return std::prev(after)->offset_seconds;
    }
};

std::optional<TimeZone> TimeZone::from_posix(std::string name, const std::string& posix_rule, std::string* why) {
    const std::optional<detail::PosixRule> rule = detail::parse_posix_rule(posix_rule, why);
    if (!rule) return std::nullopt;
    auto rules = std::make_shared<Rules>();
    rules->std_offset = rule->std_offset;
    rules->dst_offset = rule->has_dst ? rule->dst_offset : rule->std_offset;
    if (rule->has_dst) {
        try {
            const auto start_zone = boost_zone_for(rule->start);
            const auto end_zone = boost_zone_for(rule->end);
            for (int year = cycle_first_year - 1; year <= cycle_first_year + 400; ++year) {
                // POSIX gives the start in standard time and the end in daylight-saving time.
                const std::int64_t start =
                    std::int64_t{transition_day(rule->start, start_zone, year)} * seconds_per_day + rule->start_time -
                    rule->std_offset;
                const std::int64_t end = std::int64_t{transition_day(rule->end, end_zone, year)} * seconds_per_day +
                                         rule->end_time - rule->dst_offset;
                rules->transitions.push_back({start, rule->dst_offset});
                rules->transitions.push_back({end, rule->std_offset});
            }
        } catch (const std::exception& e) {
            if (why != nullptr) {
                *why = "the time-zone rule \"" + posix_rule + "\" gives no daylight-saving dates (" + e.what() + ")";
            }
            return std::nullopt;
        }
        std::stable_sort(rules->transitions.begin(), rules->transitions.end(),
                         [](const Transition& a, const Transition& b) { return a.utc_seconds < b.utc_seconds; });
        const std::int64_t span = rules->transitions.back().utc_seconds - rules->transitions.front().utc_seconds;
        if (span > 0)
            rules->transitions_per_second =
                static_cast<double>(rules->transitions.size() - 1) / static_cast<double>(span);
    }
    TimeZone zone;
    zone.name_ = std::move(name);
    zone.rules_ = std::move(rules);
    return zone;
}

int TimeZone::offset_seconds_at(Instant t) const {
    // A default-constructed TimeZone has no rules; it behaves as UTC instead of crashing.
    static const Rules utc;
    return (rules_ ? *rules_ : utc).offset_at_seconds(floor_div(t, micros_per_second));
}

LocalTime TimeZone::to_local(Instant t) const {
    const int offset = offset_seconds_at(t);
    const Instant wall = t + std::int64_t{offset} * micros_per_second;
    const std::int64_t micros_per_day = std::int64_t{seconds_per_day} * micros_per_second;
    const std::int64_t day = floor_div(wall, micros_per_day);
    const std::int64_t within_day = wall - day * micros_per_day;
    return LocalTime{static_cast<DayNumber>(day), static_cast<int>(within_day / micros_per_second), offset,
                     within_day % micros_per_second};
}

Instant TimeZone::from_local(DayNumber day, int seconds_of_day) const {
    const std::int64_t wall = std::int64_t{day} * seconds_per_day + seconds_of_day;
    static const Rules utc;
    const Rules& rules = rules_ ? *rules_ : utc;
    const int offsets[2] = {rules.std_offset, rules.dst_offset};
    std::optional<std::int64_t> earliest;
    for (const int offset : offsets) {
        const std::int64_t candidate = wall - offset;
        if (rules.offset_at_seconds(candidate) == offset && (!earliest || candidate < *earliest)) {
            earliest = candidate;
        }
    }
    // No offset fits only inside a spring-forward gap. Reading the wall time with the smaller
    // (earlier) offset lands after the change, moved forward by the length of the gap.
    if (!earliest) earliest = wall - std::min(offsets[0], offsets[1]);
    return *earliest * micros_per_second;
}

std::string TimeZone::format(Instant t) const {
    std::string out;
    append(out, t);
    return out;
}

namespace {

// "00" to "99": two digits written with one copy.
constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

void put_two_digits(char* at, int n) { std::memcpy(at, digit_pairs + 2 * n, 2); }

// "THH:MM:SS+HH:MM" (15 characters) at `at`.
void put_time_and_offset(char* at, const LocalTime& local) {
    const int offset_minutes = (local.offset_seconds < 0 ? -local.offset_seconds : local.offset_seconds) / 60;
    at[0] = 'T';
    put_two_digits(at + 1, local.seconds_of_day / 3600);
    at[3] = ':';
    put_two_digits(at + 4, local.seconds_of_day / 60 % 60);
    at[6] = ':';
    put_two_digits(at + 7, local.seconds_of_day % 60);
    at[9] = local.offset_seconds < 0 ? '-' : '+';
    put_two_digits(at + 10, offset_minutes / 60);
    at[12] = ':';
    put_two_digits(at + 13, offset_minutes % 60);
}

}  // namespace

void TimeZone::append(std::string& out, Instant t) const {
    const LocalTime local = to_local(t);
    const CivilDate date = civil_date(local.day);
    if (date.year < 0 || date.year > 9999) {  // years before 0 or after 9999: the general date writer
        append_date(out, local.day);
        char text[15];
        put_time_and_offset(text, local);
        out.append(text, sizeof text);
        return;
    }
    char text[25];  // YYYY-MM-DDTHH:MM:SS+HH:MM, appended at once
    put_two_digits(text, date.year / 100);
    put_two_digits(text + 2, date.year % 100);
    text[4] = '-';
    put_two_digits(text + 5, date.month);
    text[7] = '-';
    put_two_digits(text + 8, date.day);
    put_time_and_offset(text + 10, local);
    out.append(text, sizeof text);
}

}  // namespace frontdoor::time
