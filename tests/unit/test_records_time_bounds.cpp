// The --from/--to bounds of a record filter: a bound that is not a real UTC date or time, or a
// span that ends before it starts, is refused with a sentence naming the bound, never compared
// as text and answered with no records.
#include "frontdoor/records.hpp"

#include <catch2/catch.hpp>

namespace {

std::string problem(const std::string& from, const std::string& to = "") {
    frontdoor::RecordFilter filter;
    filter.from = from;
    filter.to = to;
    return frontdoor::time_bounds_problem(filter);
}

}  // namespace

TEST_CASE("a time bound must be a date and time that exist", "[records]") {
    CHECK(problem("2024-13-01") == "the bound 'from' is \"2024-13-01\": 2024-13-01 is not a date: there is no month 13 "
                                   "(months run from 01 to 12)");
    CHECK(problem("2024-02-30") ==
          "the bound 'from' is \"2024-02-30\": 2024-02-30 is not a date: February 2024 has 29 days");
    CHECK(problem("2023-02-29T10:00") ==
          "the bound 'from' is \"2023-02-29T10:00\": 2023-02-29 is not a date: 2023 is not a leap year, so it has no "
          "29 February");
    CHECK(problem("", "2024-01-01T25:00:00Z") ==
          "the bound 'to' is \"2024-01-01T25:00:00Z\": it is not a time: hours run from 00 to 23");
    CHECK(problem("2024-01-01T10:60") ==
          "the bound 'from' is \"2024-01-01T10:60\": it is not a time: minutes run from 00 to 59");
    CHECK(problem("2024-01-01T10:00:60.5") ==
          "the bound 'from' is \"2024-01-01T10:00:60.5\": it is not a time: seconds run from 00 to 59");
    CHECK(problem("2024-04-00") ==
          "the bound 'from' is \"2024-04-00\": 2024-04-00 is not a date: days of the month start at 01");
    for (const char* real : {"2024-02-29", "2024-12-31T23:59", "2024-12-31T23:59:59.999Z", "2000-02-29T00:00:00"}) {
        INFO(real);
        CHECK(problem(real).empty());
        CHECK(problem("", real).empty());
    }
}

TEST_CASE("a span whose start is later than its end is refused", "[records]") {
    CHECK(problem("2024-05-02", "2024-05-01") ==
          "the bound 'from' (2024-05-02) is later than the bound 'to' (2024-05-01): no record can be in that span");
    CHECK_FALSE(problem("2024-05-01T00:01Z", "2024-05-01T00:00:59.999").empty());
    CHECK_FALSE(problem("2024-05-01T09:00:30.5", "2024-05-01T09:00:30.25").empty());
    // `to` takes in the whole of its last unit: each of these spans holds some time.
    CHECK(problem("2024-05-01", "2024-05-01").empty());
    CHECK(problem("2024-05-01T23:59", "2024-05-01").empty());
    CHECK(problem("2024-05-01T09:00:59.999Z", "2024-05-01T09:00Z").empty());
    CHECK(problem("2024-05-01", "2024-05-01T00:00").empty());
}
