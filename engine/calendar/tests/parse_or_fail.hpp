#pragma once
// The calendar tests write dates and times as text: each parses or fails the test, saying why.
#include "engine/calendar/civil_time.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

namespace calendar_test {

inline frontdoor::time::Instant at(const char* text) {
    std::string why;
    const std::optional<frontdoor::time::Instant> t = frontdoor::time::parse_datetime(text, &why);
    INFO(text << ": " << why);
    REQUIRE(t.has_value());
    return *t;
}

inline frontdoor::time::DayNumber date(const char* text) {
    std::string why;
    const std::optional<frontdoor::time::DayNumber> day = frontdoor::time::parse_date(text, &why);
    INFO(text << ": " << why);
    REQUIRE(day.has_value());
    return *day;
}

}  // namespace calendar_test
