// The built-in functions are one table (dsl/builtin_functions.hpp): every function in it is known
// to the checker, computed by the evaluator, and documented in docs/language.md.
#include "dsl/builtin_functions.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

const char* const holidays = R"({"england-and-wales": {"division": "england-and-wales", "events": [
  {"title": "Christmas Day", "date": "2024-12-25", "notes": "", "bunting": true}]}})";

// A call of each function on the contact {"received": "2024-12-24T18:00:00Z"}, and the JSON of
// its value in the decision. A function added to the table needs an example here.
const std::map<std::string, std::pair<std::string, std::string>> examples = {
    {"local_date", {"local_date(office, x.received)", R"("2024-12-24")"}},
    {"is_open", {"is_open(office, x.received)", "false"}},
    {"next_opening", {"next_opening(office, x.received)", R"("2024-12-26T09:00:00+00:00")"}},
    {"whole_years", {R"(whole_years(date "2010-12-25", local_date(office, x.received)))", "13"}},
    {"first_present", {R"(first_present(x.note, "none"))", R"("none")"}},
    {"count", {"count([x.received, x.received])", "2"}},
};

std::shared_ptr<const frontdoor::Pack> pack_calling(const std::string& call) {
    std::string rules = R"(pack functions version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
  holidays from "holidays.json" division "england-and-wales"
record doc
  received: datetime
  note: optional text
input x: doc
let result = )" + call + R"( [source "test"]
output times in office
  result = result
)";
    auto loaded = frontdoor::Pack::load_files("functions", {{"pack.rules", rules}, {"holidays.json", holidays}});
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    return loaded.pack;
}

std::string language_doc() {
    std::ifstream in(FRONTDOOR_SOURCE_DIR "/docs/language.md", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("every built-in function is checked, evaluated and documented", "[functions][check][decide]") {
    const std::string doc = language_doc();
    REQUIRE_FALSE(doc.empty());
    REQUIRE(frontdoor::dsl::builtin_functions().size() == examples.size());
    for (const auto& function : frontdoor::dsl::builtin_functions()) {
        const std::string name(function.name);
        INFO(name);
        CHECK_FALSE(function.description.empty());
        CHECK(doc.find("`" + name + "(") != std::string::npos);
        auto example = examples.find(name);
        REQUIRE(example != examples.end());
        auto decided = pack_calling(example->second.first)->decide(R"({"received": "2024-12-24T18:00:00Z"})");
        INFO(decided.message);
        REQUIRE_FALSE(decided.refused);
        CHECK(decided.json.rfind(R"({"result":)" + example->second.second + ",", 0) == 0);
    }
}

TEST_CASE("a call of no built-in function or table names the functions it may have meant", "[functions][check]") {
    auto loaded = frontdoor::Pack::load_files("functions", {{"pack.rules", R"(pack functions version "1" [source "test"]
record doc
  n: integer
input x: doc
let result = whole_yeers(date "2010-12-25", date "2024-12-24") [source "test"]
output
  result = result
)"}});
    REQUIRE_FALSE(loaded.pack);
    CHECK(frontdoor::render_all(loaded.diagnostics)
              .find("unknown function or table 'whole_yeers'; did you mean 'whole_years'?") != std::string::npos);
}
