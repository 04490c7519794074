// The evaluation depth limit (dsl/nesting_limit.hpp, max_evaluation_depth): a chain of definitions,
// each reading the next, is refused at load when its levels in all pass the limit, with one
// diagnostic at the definition that passes it, instead of exhausting the stack of the checker or
// of a decision; every pack that loads decides within a 1 MiB thread stack.
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// A pack that decides on {"count": 1, "flag": true}; the chain starts on line 12.
std::string chain_pack(int definitions, int nots_each) {
    std::string text = R"(pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  count: integer
  flag: boolean
input x: r
output times in office
  v = d)" + std::to_string(definitions - 1) + "\n";
    text += "\n\n";
    std::string nots;
    for (int i = 0; i < nots_each; ++i) nots += "not ";
    for (int i = 0; i < definitions; ++i)
        text += "let d" + std::to_string(i) + ": boolean = " + nots + (i == 0 ? "x.flag" : "d" + std::to_string(i - 1)) +
                " [source \"s\"]\n";
    return text;
}

std::vector<frontdoor::Diagnostic> errors_of(const frontdoor::LoadResult& result) {
    std::vector<frontdoor::Diagnostic> errors;
    for (const auto& d : result.diagnostics)
        if (d.severity == frontdoor::Severity::error) errors.push_back(d);
    return errors;
}

}  // namespace

TEST_CASE("500 definitions each nesting 62 levels and reading the next are refused at load, not a crash", "[evaluation-depth]") {
    auto result = frontdoor::Pack::load_files("chain", {{"pack.rules", chain_pack(500, 62)}});
    if (result.pack) {
        // Whatever the limit, a pack that loads must decide without exhausting the stack.
        auto decided = result.pack->decide(R"({"count": 1, "flag": true})");
        CHECK_FALSE(decided.refused);
    }
    auto errors = errors_of(result);
    REQUIRE(result.pack == nullptr);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("levels in all; the limit is") != std::string::npos);
}
