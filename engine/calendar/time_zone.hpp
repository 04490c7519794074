#pragma once
// A time zone given by a POSIX TZ rule ("GMT0BST,M3.5.0/1,M10.5.0/2"), so that a pack states its
// own daylight-saving rule and decisions never depend on the machine's tz database.
#include "civil_time.hpp"

#include <memory>
#include <optional>
#include <string>

namespace frontdoor::time {

struct LocalTime {
    DayNumber day;        // local calendar date
    int seconds_of_day;   // 0..86399
    int offset_seconds;   // UTC offset in force (+3600 in BST)
    std::int64_t micros;  // sub-second part, 0..999999
};

class TimeZone {
public:
    // Builds a zone from an IANA-style display name and a POSIX rule; nullopt with `why` set when
    // the rule does not parse.
    static std::optional<TimeZone> from_posix(std::string name, const std::string& posix_rule,
                                              std::string* why = nullptr);

    const std::string& name() const { return name_; }
    int offset_seconds_at(Instant t) const;
    LocalTime to_local(Instant t) const;
    // The instant of a local wall-clock time. A time skipped by a spring-forward change is moved
    // forward by the gap; a time repeated by a fall-back change takes its first (earlier) instant.
    Instant from_local(DayNumber day, int seconds_of_day) const;
    // "YYYY-MM-DDTHH:MM:SS+hh:mm" in this zone, whole seconds (the fraction truncated), never "Z".
    std::string format(Instant t) const;
    // The same, appended to `out`.
    void append(std::string& out, Instant t) const;

private:
    struct Rules;
    std::string name_;
    std::shared_ptr<const Rules> rules_;  // immutable, shared between copies and threads
};

}  // namespace frontdoor::time
