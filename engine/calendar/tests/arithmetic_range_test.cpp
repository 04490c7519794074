// Arithmetic never wraps: an integer overflow, or a date or time outside the years the reader
// accepts (0000 to 9999), refuses the contact with a message naming the expression, its place and
// its definition; at load (constant folding) it is an error at the expression. Pack::decide never
// throws for it.
#include "engine/calendar/civil_time.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

// A pack whose one output is `let result = EXPRESSION` (line 12, the expression from column 14).
std::string rules_with(const std::string& expression) {
    return R"(pack arithmetic version "1" [source "test"]
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record doc
  n: integer
  at: datetime
  on: date
input x: doc
output times in office
  result = result
let result = )" +
           expression + " [source \"s\"]\n";
}

std::string contact(const std::string& n, const std::string& at = "2024-01-01T00:00:00Z",
                    const std::string& on = "2024-01-31") {
    return R"({"n": )" + n + R"(, "at": ")" + at + R"(", "on": ")" + on + R"("})";
}

frontdoor::Decided decide(const std::string& expression, const std::string& json) {
    auto loaded = frontdoor::Pack::load_files("arithmetic", {{"pack.rules", rules_with(expression)}});
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    frontdoor::Decided decided;
    REQUIRE_NOTHROW(decided = loaded.pack->decide(json, frontdoor::DecideOptions{}));
    return decided;
}

void require_refused(const frontdoor::Decided& decided, const std::string& message) {
    INFO(decided.json);
    REQUIRE(decided.refused);
    CHECK(decided.path == "");
    CHECK(decided.message == message);
}

}  // namespace

TEST_CASE("the range of dates and times is the one the reader accepts", "[arithmetic]") {
    namespace time = frontdoor::time;
    CHECK(time::day_number(0, 1, 1) == time::earliest_day);
    CHECK(time::day_number(9999, 12, 31) == time::latest_day);
    CHECK(time::parse_datetime("9999-12-30T23:59:59Z"));
    CHECK_FALSE(time::parse_datetime("9999-12-31T00:00:00Z"));
    CHECK_FALSE(time::parse_datetime("9999-12-30T23:59:59-23:59"));
    CHECK(time::parse_datetime("0000-01-02T00:00:00Z"));
    CHECK_FALSE(time::parse_datetime("0000-01-01T23:59:59Z"));
}

TEST_CASE("integer + and - and unary minus within range are decided", "[arithmetic]") {
    CHECK(decide("x.n + x.n", contact("4611686018427387903")).json.starts_with(R"({"result":9223372036854775806,)"));
    CHECK(decide("x.n - 2", contact("-9223372036854775806")).json.starts_with(R"({"result":-9223372036854775808,)"));
    CHECK(decide("-x.n", contact("-9223372036854775807")).json.starts_with(R"({"result":9223372036854775807,)"));
    CHECK(decide("x.on + 1 months", contact("1", "2024-01-01T00:00:00Z", "9999-11-30"))
              .json.starts_with(R"({"result":"9999-12-30",)"));
}

TEST_CASE("integer overflow refuses the contact, naming the expression, its place and its definition", "[arithmetic]") {
    const std::string at = " (arithmetic/pack.rules:12:14, definition 'result')";
    require_refused(decide("x.n + x.n", contact("9223372036854775807")),
                    "cannot decide: integer overflow in 'x.n + x.n'" + at);
    require_refused(decide("x.n - 2", contact("-9223372036854775807")),
                    "cannot decide: integer overflow in 'x.n - 2'" + at);
    require_refused(decide("-x.n", contact("-9223372036854775808")), "cannot decide: integer overflow in '-x.n'" + at);
}

TEST_CASE("a date or time beyond the year 9999 refuses the contact, never wraps", "[arithmetic]") {
    const std::string at = " (arithmetic/pack.rules:12:14, definition 'result')";
    // The amount times its unit (hours to microseconds) overflows 64 bits: it once wrapped to 2023.
    require_refused(decide("x.at + 2562047788015215 hours", contact("1")),
                    "cannot decide: a time outside the years 0000 to 9999 in 'x.at + 2562047788015215 hours'" + at);
    require_refused(decide("x.at - 2562047788015215 hours", contact("1")),
                    "cannot decide: a time outside the years 0000 to 9999 in 'x.at - 2562047788015215 hours'" + at);
    require_refused(decide("x.at + 70000000 hours", contact("1")),
                    "cannot decide: a time outside the years 0000 to 9999 in 'x.at + 70000000 hours'" + at);
    require_refused(decide("x.on + 1 months", contact("1", "2024-01-01T00:00:00Z", "9999-12-15")),
                    "cannot decide: a date outside the years 0000 to 9999 in 'x.on + 1 months'" + at);
    require_refused(decide("x.on + 3000000 days", contact("1")),
                    "cannot decide: a date outside the years 0000 to 9999 in 'x.on + 3000000 days'" + at);
    require_refused(decide("x.on - 922337203685477579 days", contact("1")),
                    "cannot decide: a date outside the years 0000 to 9999 in 'x.on - 922337203685477579 days'" + at);
}

TEST_CASE("an overflow in a constant is an error at load, at the expression", "[arithmetic]") {
    auto loaded = frontdoor::Pack::load_files(
        "arithmetic", {{"pack.rules", rules_with(R"(datetime "2024-01-01T00:00:00Z" + 2562047788015215 hours)")}});
    CHECK_FALSE(loaded.pack);
    CHECK(frontdoor::render_all(loaded.diagnostics) ==
          "arithmetic/pack.rules:12:14: error: a time outside the years 0000 to 9999 in "
          "'datetime \"2024-01-01T00:00:00Z\" + 2562047788015215 hours', computed when the pack is loaded\n"
          "  let result = datetime \"2024-01-01T00:00:00Z\" + 2562047788015215 hours [source \"s\"]\n"
          "               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
    std::string sum = "922337203685477579";
    for (int i = 0; i < 10; ++i) sum += " + 922337203685477579";
    auto summed = frontdoor::Pack::load_files("arithmetic", {{"pack.rules", rules_with(sum)}});
    CHECK_FALSE(summed.pack);
    CHECK_THAT(frontdoor::render_all(summed.diagnostics),
               Catch::StartsWith("arithmetic/pack.rules:12:14: error: integer overflow in '922337203685477579 + "));
}
