// Conditions compiled into flat programs (engine/evaluate/condition_program.hpp) test exactly what
// walking their syntax tree tests: random packs whose conditions nest `and`, `or` and `not` over
// every kind of test a step reads in place, and over tests left to holds(), decide random contacts
// exactly as the same pack with every program taken away; and the programs have the shape the
// compiler promises.
#include "engine/evaluate/condition_program.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/evaluate/tests/random_documents.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

// Named, not anonymous: a unity build compiles this beside row_index_test.cpp, whose helpers have
// the same names.
namespace condition_program_test {

namespace engine = frontdoor::engine;

constexpr int colour_count = 6;

const char* const header = R"(pack flat version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
enum colour = "c0" | "c1" | "c2" | "c3" | "c4" | "c5"
record inner
  n: optional integer
  colour: optional colour
record doc
  colour: optional colour
  colours: optional list of colour unique default []
  n: optional integer
  b: optional boolean default false
  d: optional date
  t: optional text
  inner: optional inner
  big: integer
input x: doc
let warm: set of colour = ["c0", "c1", "c2"] [source "t"]
let twice: integer = if x.n exists then x.n + x.n else 0 [source "t"]
)";

using frontdoor::evaluate_tests::cited;

std::string colour(std::mt19937& random) { return frontdoor::evaluate_tests::random_colour(random, colour_count); }

// One test: the shapes a step reads in place (a path against a constant, a member test, a boolean
// path; through an input field, a nested field, a definition) and shapes left to holds().
std::string random_test(std::mt19937& random) {
    switch (random() % 20) {
        case 0: return "x.colour = " + colour(random);
        case 1: return "x.colour != " + colour(random);
        case 2: return "(x.n exists and x.n < " + std::to_string(random() % 4) + ")";
        case 3: return "(x.n exists and x.n >= " + std::to_string(random() % 4) + ")";
        case 4: return "(x.inner.n exists and x.inner.n > " + std::to_string(random() % 3) + ")";
        case 5: return "x.inner.colour in [" + colour(random) + ", " + colour(random) + "]";
        case 6: return "x.colour not in warm";
        case 7: return "x.colour in warm";
        case 8: return "x.b";
        case 9: return "(x.d exists and x.d <= date \"2024-03-0" + std::to_string(1 + random() % 3) + "\")";
        case 10: return "twice = " + std::to_string(2 * (random() % 3));
        case 11: return "twice > 2";
        case 12: return "x.t = \"a\"";  // text: compared by holds(), not a step
        case 13: return random() % 2 == 0 ? "x.n exists" : "x.inner.colour is absent";
        case 14: return "any(i in x.colours where i in warm and not (i = " + colour(random) + "))";
        case 15: return "count(i in x.colours where i = " + colour(random) + " or x.b) >= 1";
        case 16: return "x.inner.colour = x.colour";
        case 17: return "x.big + 1 > 0";  // fails for the largest integer: a contact refused
        case 18: return "x.b = true";
        default: return colour(random) + " in x.colours";
    }
}

// A condition of up to `depth` levels of `and`, `or` and `not`.
std::string random_condition(std::mt19937& random, int depth) {
    if (depth == 0 || random() % 4 == 0) return random_test(random);
    switch (random() % 3) {
        case 0: return "(" + random_condition(random, depth - 1) + " and " + random_condition(random, depth - 1) + ")";
        case 1: return "(" + random_condition(random, depth - 1) + " or " + random_condition(random, depth - 1) + ")";
        default: return "not (" + random_condition(random, depth - 1) + ")";
    }
}

// A first-match decision (indexed when it has 16 rows or more), a collect decision that reads it and
// walks a list, and a boolean output computed from a condition.
std::string random_pack(std::mt19937& random, int rows) {
    std::string text = header;
    text += "decision pick: integer (first match)\n";
    for (int r = 0; r < rows; ++r)
        text += "  " + std::to_string(r + 1) + " when " + random_condition(random, 3) + cited;
    text += "  0 otherwise" + std::string(cited) + "decision found: list of text (collect)\n";
    for (int r = 0; r < rows; ++r) {
        std::string value = "\"f" + std::to_string(r) + "\"";
        if (random() % 4 == 0)
            text += "  for each c in x.colours: " + value + " when (c = " + colour(random) + " or pick > 3) and " +
                    random_condition(random, 2);
        else text += "  " + value + " when " + random_condition(random, 3);
        text += cited;
    }
    text += "output times in office\n  pick = pick\n  found = found\n";
    return text + "  either = " + random_condition(random, 3) + "\n";
}

// A `doc` with the fields this test adds: `t` and `inner`.
nlohmann::json random_contact(std::mt19937& random) {
    nlohmann::json contact = frontdoor::evaluate_tests::random_doc(random, colour_count, 3);
    auto chance = [&] { return random() % 3 != 0; };
    if (chance()) contact["t"] = random() % 2 == 0 ? "a" : "b";
    if (chance()) {
        nlohmann::json inner = nlohmann::json::object();
        if (chance()) inner["n"] = random() % 3;
        if (chance()) inner["colour"] = "c" + std::to_string(random() % colour_count);
        contact["inner"] = inner;
    }
    return contact;
}

std::shared_ptr<const frontdoor::Pack> load(const std::string& rules) {
    return frontdoor::evaluate_tests::load_rules("flat", rules);
}

engine::CompiledPack& compiled(const frontdoor::Pack& pack) {
    return frontdoor::evaluate_tests::compiled_to_change(pack);
}

// The same pack with every condition tested by walking its tree: the reference.
std::shared_ptr<const frontdoor::Pack> load_without_programs(const std::string& rules) {
    auto pack = load(rules);
    for (engine::ExpressionPlan& plan : compiled(*pack).plans) plan.program = -1;
    std::fill(compiled(*pack).row_programs.begin(), compiled(*pack).row_programs.end(), -1);
    return pack;
}

std::size_t programs(const frontdoor::Pack& pack) {
    const auto& plans = compiled(pack).plans;
    return static_cast<std::size_t>(
        std::count_if(plans.begin(), plans.end(), [](const auto& p) { return p.program >= 0; }));
}

}  // namespace condition_program_test

using namespace condition_program_test;

TEST_CASE("a condition's flat program tests what walking its tree tests", "[condition_program]") {
    std::mt19937 random(20261208);
    int refused = 0, decided = 0;
    for (int round = 0; round < 16; ++round) {
        std::string rules = random_pack(random, round % 2 == 0 ? 8 : 24);  // scanned, then indexed
        auto flat = load(rules);
        auto walked = load_without_programs(rules);
        REQUIRE(programs(*flat) > 0);
        REQUIRE(programs(*walked) == 0);
        for (int c = 0; c < 150; ++c) {
            std::string contact = random_contact(random).dump();
            INFO(rules << "\n" << contact);
            auto by_program = flat->decide(contact, {false});
            auto by_tree = walked->decide(contact, {false});
            REQUIRE(by_program.refused == by_tree.refused);
            REQUIRE(by_program.path == by_tree.path);
            REQUIRE(by_program.message == by_tree.message);
            REQUIRE(by_program.json == by_tree.json);
            // With the explanation, byte for byte the same explanation.
            auto explained = flat->decide(contact, {true});
            REQUIRE(explained.json == walked->decide(contact, {true}).json);
            REQUIRE(explained.refused == by_program.refused);
            if (!explained.refused)
                REQUIRE(explained.json.substr(0, by_program.json.size() - 1) ==
                        by_program.json.substr(0, by_program.json.size() - 1));
            (by_program.refused ? refused : decided) += 1;
        }
    }
    // Both kinds of answer were compared: refusals for an overflow, and decisions.
    CHECK(refused > 50);
    CHECK(decided > 1000);
}

TEST_CASE("a condition compiles to its tests in order, `and` and `or` as jumps past the rest", "[condition_program]") {
    std::string rules = std::string(header) +
                        "decision pick: integer (first match)\n"
                        "  1 when x.n = 1 and (x.colour in warm or not x.b)" +
                        cited + "  2 when x.t = \"a\"" + cited + "  3 when x.d exists and x.inner is absent" + cited +
                        "  4 when x.inner exists" + cited + "  0 otherwise" + cited +
                        "output times in office\n  pick = pick\n";
    auto pack = load(rules);
    const engine::CompiledPack& c = compiled(*pack);
    const auto& rows = c.checked->syntax.decisions.front().rows;
    using Op = engine::ConditionOp;
    int start = c.plan(*rows[0].condition).program;
    REQUIRE(start >= 0);
    std::vector<Op> ops;
    for (auto pc = static_cast<std::size_t>(start); c.condition_steps[pc].op != Op::done; ++pc)
        ops.push_back(c.condition_steps[pc].op);
    CHECK(ops == std::vector<Op>{Op::equal, Op::jump_if_false, Op::member, Op::jump_if_true, Op::truthy, Op::negate});
    // The first jump goes past the whole `or`, to the program's end; the second past `not x.b`.
    CHECK(c.condition_steps[static_cast<std::size_t>(start) + 1].argument == start + 6);
    CHECK(c.condition_steps[static_cast<std::size_t>(start) + 3].argument == start + 6);
    // A text compared with a text is one general step: no program, holds() tests it.
    CHECK(c.plan(*rows[1].condition).program == -1);
    // The rows' programs, found without reading the rows: none for the text test or `otherwise`.
    int third = c.plan(*rows[2].condition).program;
    REQUIRE(third >= 0);
    CHECK(c.condition_steps[static_cast<std::size_t>(third)].op == Op::present);
    CHECK(c.condition_steps[static_cast<std::size_t>(third) + 2].op == Op::absent);
    // The rows' programs, found without reading the rows: none for the text test or `otherwise`.
    // One `exists` alone is a program of one step.
    int fourth = c.plan(*rows[3].condition).program;
    REQUIRE(fourth >= 0);
    CHECK(c.condition_steps[static_cast<std::size_t>(fourth)].op == Op::present);
    CHECK(c.condition_steps[static_cast<std::size_t>(fourth) + 1].op == Op::done);
    CHECK(c.row_programs == std::vector<std::int32_t>{start, -1, third, fourth, -1});
    const std::pair<const char*, int> expected[] = {
        {R"({"big":0,"n":1,"colour":"c0"})", 1}, {R"({"big":0,"n":1,"colour":"c4","b":true})", 0},
        {R"({"big":0,"n":1,"colour":"c4"})", 1}, {R"({"big":0,"t":"a"})", 2},
        {R"({"big":0,"d":"2024-01-01"})", 3},    {R"({"big":0,"d":"2024-01-01","inner":{}})", 4},
        {R"({"big":0,"inner":{"n":1}})", 4}};
    for (const auto& [contact, pick] : expected) {
        INFO(contact);
        auto decided = pack->decide(contact, {false});
        REQUIRE_FALSE(decided.refused);
        CHECK(nlohmann::json::parse(decided.json)["pick"] == pick);
    }
}
