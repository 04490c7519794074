// The shortcuts that test the commonest conditions (path = constant and path < constant:
// engine::ConditionTest; item in a constant set of members: a bit test) against the general way: each output field
// below is written once in a shape that takes a shortcut and once, with the operands swapped or
// spelt out, in a shape that does not. Random inputs, present and absent, must give both the same
// value, with and without the explanation.
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

namespace {

const char* const shortcut_rules = R"(pack shortcuts version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
enum colour = "red" | "green" | "blue"
record inner
  n: optional integer
record doc
  n: optional integer
  c: optional colour
  d: optional date
  b: optional boolean
  inner: optional inner
input x: doc
output times in office
  n_eq = x.n = 4
  n_eq_general = 4 = x.n
  n_ne = x.n != 4
  n_ne_general = 4 != x.n
  n_lt = x.n exists and x.n < 4
  n_lt_general = x.n exists and 4 > x.n
  n_le = x.n exists and x.n <= 4
  n_le_general = x.n exists and 4 >= x.n
  n_gt = x.n exists and x.n > 4
  n_gt_general = x.n exists and 4 < x.n
  n_ge = x.n exists and x.n >= 4
  n_ge_general = x.n exists and 4 <= x.n
  inner_eq = x.inner.n = -2
  inner_eq_general = -2 = x.inner.n
  inner_lt = x.inner.n exists and x.inner.n < 4
  inner_lt_general = x.inner.n exists and 4 > x.inner.n
  c_eq = x.c = "green"
  c_eq_general = "green" = x.c
  c_in = x.c in ["red", "blue"]
  c_in_general = x.c = "red" or x.c = "blue"
  c_not_in = x.c not in ["red", "blue"]
  c_not_in_general = not (x.c = "red" or x.c = "blue")
  d_ge = x.d exists and x.d >= date "2024-03-01"
  d_ge_general = x.d exists and date "2024-03-01" <= x.d
  b_eq = x.b = true
  b_eq_general = true = x.b
)";

nlohmann::json random_input(std::mt19937& random) {
    auto chance = [&] { return std::uniform_int_distribution<int>(0, 2)(random) != 0; };
    auto number = [&] { return std::uniform_int_distribution<int>(-3, 8)(random); };
    nlohmann::json input = nlohmann::json::object();
    if (chance()) input["n"] = number();
    if (chance()) input["c"] = std::vector<std::string>{"red", "green", "blue"}[random() % 3];
    if (chance()) input["d"] = "2024-0" + std::to_string(1 + random() % 5) + "-01";
    if (chance()) input["b"] = random() % 2 == 0;
    if (chance()) input["inner"] = chance() ? nlohmann::json{{"n", number()}} : nlohmann::json::object();
    return input;
}

}  // namespace

TEST_CASE("a condition gives the same answer whether a shortcut tests it or the general way", "[decide]") {
    auto loaded = frontdoor::Pack::load_files("shortcuts", {{"pack.rules", shortcut_rules}});
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    std::mt19937 random(20261121);
    int compared = 0;
    for (int i = 0; i < 400; ++i) {
        nlohmann::json input = random_input(random);
        INFO(input.dump());
        for (bool explain : {false, true}) {
            auto decided = loaded.pack->decide(input.dump(), {explain});
            REQUIRE_FALSE(decided.refused);
            auto decision = nlohmann::json::parse(decided.json);
            for (const auto& [field, value] : decision.items()) {
                if (field == "ruleset" || field == "explanation" || field.ends_with("_general")) continue;
                INFO(field);
                CHECK(value == decision.at(field + "_general"));
                ++compared;
            }
        }
    }
    CHECK(compared == 400 * 2 * 13);
}
