// libFuzzer target for the rule-file front end: the input is the text of one .rules file, loaded
// as a pack beside a fixed, valid calendar and its holiday data, so that fuzzed rules may use the
// `office` calendar (working days, opening hours). Diagnostics are the expected answer to bad
// text; a crash, a hang, a sanitizer report or a leak is a bug.
#include "frontdoor/frontdoor.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

const char* const calendar_rules = R"(# The fixed calendar every fuzzed pack may use.
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
  holidays from "bank-holidays.json" division "england-and-wales"
)";

// A few of gov.uk's England and Wales bank holidays, in gov.uk's format.
const char* const bank_holidays = R"({"england-and-wales": {"division": "england-and-wales", "events": [
  {"title": "New Year's Day", "date": "2024-01-01", "notes": "", "bunting": true},
  {"title": "Good Friday", "date": "2024-03-29", "notes": "", "bunting": false},
  {"title": "Easter Monday", "date": "2024-04-01", "notes": "", "bunting": true},
  {"title": "Christmas Day", "date": "2024-12-25", "notes": "", "bunting": true},
  {"title": "Boxing Day", "date": "2024-12-26", "notes": "", "bunting": true}]}})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::pair<std::string, std::string>> files{
        {"fuzzed.rules", std::string(reinterpret_cast<const char*>(data), size)},
        {"calendar.rules", calendar_rules},
        {"bank-holidays.json", bank_holidays},
    };
    frontdoor::LoadResult result = frontdoor::Pack::load_files("fuzz", std::move(files));
    (void)frontdoor::render_all(result.diagnostics);
    if (result.pack) {
        // A pack that loads can also be described: its input schema and its graph.
        (void)result.pack->input_schema();
        (void)result.pack->graph(frontdoor::GraphFormat::dot);
        (void)result.pack->graph(frontdoor::GraphFormat::json);
    }
    return 0;
}
