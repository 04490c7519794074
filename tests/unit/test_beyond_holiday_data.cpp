// A pack whose working-day questions reach past its holiday data: the contact is refused with the
// calendar's message, whether the question is asked per contact, in a refusal rule, or in an
// expression that reads no input (which would otherwise be worked out once, at load).
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

const char* const holidays = R"({"england-and-wales": {"division": "england-and-wales", "events": [
  {"title": "Christmas Day", "date": "2024-12-25", "notes": "", "bunting": true}]}})";

std::shared_ptr<const frontdoor::Pack> pack_with(const std::string& lets_and_output) {
    std::string rules = R"(pack beyond version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
  holidays from "holidays.json" division "england-and-wales"
record doc
  received: datetime
input x: doc
  refuse when x.received > datetime "2030-01-01T00:00:00Z" and is_open(office, x.received) at x.received because "too late" [source "test"]
)" + lets_and_output;
    auto loaded = frontdoor::Pack::load_files("beyond", {{"pack.rules", rules}, {"holidays.json", holidays}});
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    return loaded.pack;
}

std::string message_2025(const std::string& day) {
    return "calendar office knows its holidays for 2024 only, and the decision needs to know whether " + day +
           " 2025 is a working day: add the holidays of 2025 to its holiday file";
}

}  // namespace

TEST_CASE("a decision that needs a working day beyond the holiday data is refused", "[calendar][decide]") {
    auto pack = pack_with(R"(let due = x.received + 2 working days of office [source "test"]
output times in office
  due = due
)");
    auto inside = pack->decide(R"({"received": "2024-12-24T12:00:00Z"})");
    REQUIRE_FALSE(inside.refused);
    CHECK(inside.json.rfind(R"({"due":"2024-12-27T17:00:00+00:00",)", 0) == 0);
    for (bool explain : {true, false}) {
        auto beyond = pack->decide(R"({"received": "2024-12-31T12:00:00Z"})", {explain});
        CHECK(beyond.refused);
        CHECK(beyond.path.empty());
        CHECK(beyond.message == message_2025("Wednesday 1 January"));
    }
}

TEST_CASE("an expression that reads no input but reaches past the holiday data refuses each contact",
          "[calendar][decide]") {
    auto pack = pack_with(R"(let open_then = is_open(office, datetime "2025-01-02T10:00:00Z") [source "test"]
output times in office
  open_then = open_then
)");
    auto decided = pack->decide(R"({"received": "2024-12-31T12:00:00Z"})");
    CHECK(decided.refused);
    CHECK(decided.message == message_2025("Thursday 2 January"));
}

TEST_CASE("a refusal rule that needs a working day beyond the holiday data refuses the contact", "[calendar][decide]") {
    auto pack = pack_with(R"(output times in office
  received = x.received
)");
    auto decided = pack->decide(R"({"received": "2031-03-04T10:00:00Z"})");
    CHECK(decided.refused);
    CHECK(decided.path.empty());
    CHECK(decided.message.find("Tuesday 4 March 2031 is a working day") != std::string::npos);
    CHECK_FALSE(pack->decide(R"({"received": "2031-03-04T20:00:00Z"})").refused);  // after hours: no holiday needed
}
