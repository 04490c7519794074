// Rows indexed by what they test (engine/evaluate/row_index.hpp) leave out only rows that cannot
// apply: random packs whose rows take every shape the index serves, and shapes it must not serve,
// decide random contacts exactly as a full scan of every row does; and the index lists, for a
// contact, every row that applies and few that do not.
#include "engine/evaluate/row_index.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/evaluate/tests/random_documents.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <string>

namespace {

namespace engine = frontdoor::engine;

constexpr int colour_count = 12;

const char* const indexed_header = R"(pack indexed version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
enum colour = "c0" | "c1" | "c2" | "c3" | "c4" | "c5" | "c6" | "c7" | "c8" | "c9" | "c10" | "c11"
record doc
  colour: optional colour
  colours: optional list of colour unique default []
  n: optional integer
  b: optional boolean default false
  d: optional date
  big: integer
input x: doc
let warm: set of colour = ["c0", "c1", "c2"] [source "t"]
)";

using frontdoor::evaluate_tests::cited;

std::string colour(std::mt19937& random) { return frontdoor::evaluate_tests::random_colour(random, colour_count); }

// One test, in a shape the index serves or in one it must leave to the full scan.
std::string random_test(std::mt19937& random) {
    switch (random() % 17) {
        case 0: return "x.colour = " + colour(random);
        case 1: return colour(random) + " = x.colour";
        case 2: return "x.colour in [" + colour(random) + ", " + colour(random) + "]";
        case 3: return "x.colour in warm";
        case 4: return colour(random) + " in x.colours";
        case 5: return "any(i in x.colours where i = " + colour(random) + ")";
        case 6: return "any(i in x.colours where i in warm and x.n = 2)";
        case 7: return "count(i in x.colours where i in [" + colour(random) + ", " + colour(random) + "]) >= 1";
        case 8: return "count(i in x.colours where i in warm) >= 2";
        case 9: return "count(i in x.colours where i = " + colour(random) + ") > 0";
        case 10: return "x.b";
        case 11: return "x.n = " + std::to_string(random() % 4);
        case 12: return "x.d = date \"2024-03-0" + std::to_string(1 + random() % 3) + "\"";
        case 13: return "(x.n exists and x.n > " + std::to_string(random() % 4) + ")";
        case 14: return "not (x.colour = " + colour(random) + ")";
        case 15: return "(x.colour = " + colour(random) + " or x.n = 1)";
        default: return "x.big + 1 > 0";  // fails for the largest integer: a contact refused
    }
}

std::string random_condition(std::mt19937& random) {
    std::string condition = random_test(random);
    for (auto more = random() % 3; more > 0; --more) condition += " and " + random_test(random);
    return condition;
}

// A first-match decision and a collect decision (which reads the first) of `rows` random rows each.
std::string random_pack(std::mt19937& random, int rows) {
    std::string text = indexed_header;
    text += "decision pick: integer (first match)\n";
    for (int r = 0; r < rows; ++r) text += "  " + std::to_string(r + 1) + " when " + random_condition(random) + cited;
    text += "  0 otherwise" + std::string(cited) + "decision found: set of text (collect)\n";
    for (int r = 0; r < rows; ++r) {
        std::string value = "\"f" + std::to_string(r) + "\"";
        switch (random() % 8) {
            case 0: text += "  for each c in x.colours: " + value + " when c = " + colour(random); break;
            case 1: text += "  " + value + " when pick >= " + std::to_string(random() % 5) + " and x.b"; break;
            case 2: text += "  " + value + " when true"; break;
            default: text += "  " + value + " when " + random_condition(random);
        }
        text += cited;
    }
    return text + "output times in office\n  pick = pick\n  found = found\n";
}

nlohmann::json random_contact(std::mt19937& random) {
    return frontdoor::evaluate_tests::random_doc(random, colour_count, 4);
}

std::shared_ptr<const frontdoor::Pack> load(const std::string& rules) {
    return frontdoor::evaluate_tests::load_rules("indexed", rules);
}

// The same pack with every decision left to the full scan: the reference.
std::shared_ptr<const frontdoor::Pack> load_unindexed(const std::string& rules) {
    auto pack = load(rules);
    for (engine::RowIndex& index : frontdoor::evaluate_tests::compiled_to_change(*pack).row_indexes)
        index = engine::RowIndex{};
    return pack;
}

std::size_t indexed_decisions(const frontdoor::Pack& pack) {
    const auto& indexes = frontdoor::PackAccess::compiled(pack).row_indexes;
    return static_cast<std::size_t>(
        std::count_if(indexes.begin(), indexes.end(), [](const auto& i) { return i.used(); }));
}

}  // namespace

TEST_CASE("a decision tried by its row index decides as a full scan of every row does", "[row_index]") {
    std::mt19937 random(20261206);
    int refused = 0, decided = 0;
    for (int round = 0; round < 12; ++round) {
        std::string rules = random_pack(random, 60);
        auto indexed = load(rules);
        auto scanned = load_unindexed(rules);
        REQUIRE(indexed_decisions(*indexed) == 2);
        REQUIRE(indexed_decisions(*scanned) == 0);
        for (int c = 0; c < 150; ++c) {
            std::string contact = random_contact(random).dump();
            INFO(rules << "\n" << contact);
            auto by_index = indexed->decide(contact, {false});
            auto by_scan = scanned->decide(contact, {false});
            REQUIRE(by_index.refused == by_scan.refused);
            REQUIRE(by_index.path == by_scan.path);
            REQUIRE(by_index.message == by_scan.message);
            REQUIRE(by_index.json == by_scan.json);
            // With the explanation every row is tried: the same text either way.
            REQUIRE(indexed->decide(contact, {true}).json == scanned->decide(contact, {true}).json);
            (by_index.refused ? refused : decided) += 1;
        }
    }
    // Both kinds of answer were compared: refusals for an overflow, and decisions.
    CHECK(refused > 50);
    CHECK(decided > 1000);
}

namespace {

// 1,000 indicators; a collect decision with a row for each ("iK" in x.items), and a few rows the
// index cannot serve.
std::string catalogue_pack() {
    std::string text = R"(pack catalogue version "1" [source "test"]
calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00
enum item = "i0")";
    for (int k = 1; k < 1000; ++k) text += " | \"i" + std::to_string(k) + "\"";
    text += R"(
record doc
  items: optional list of item unique default []
  n: integer
input x: doc
decision flags: set of text (collect)
)";
    for (int k = 0; k < 1000; ++k)
        text += "  \"f" + std::to_string(k) + "\" when \"i" + std::to_string(k) +
                "\" in x.items and x.n >= " + std::to_string(k % 3) + cited;
    text += "  \"low\" when x.n < 2" + std::string(cited) + "  \"high\" when x.n > 7 or x.n = 5" + cited +
            "  \"any\" when true" + cited;
    return text + "output times in office\n  flags = flags\n";
}

}  // namespace

TEST_CASE("a row index lists every row that applies and rules out the rest it can", "[row_index]") {
    auto pack = load(catalogue_pack());
    const engine::CompiledPack& compiled = frontdoor::PackAccess::compiled(*pack);
    const frontdoor::dsl::ast::Decision& decision = compiled.checked->syntax.decisions.front();
    const engine::RowIndex& index = compiled.row_indexes.front();
    REQUIRE(index.used());
    CHECK(index.always == std::vector<std::uint32_t>{1000, 1001, 1002});
    std::mt19937 random(6);
    for (int c = 0; c < 50; ++c) {
        nlohmann::json contact = {{"n", random() % 10}, {"items", nlohmann::json::array()}};
        std::vector<std::uint32_t> listed;
        for (int k = 0, count = static_cast<int>(random() % 6); k < count; ++k) {
            auto item = random() % 1000;
            contact["items"].push_back("i" + std::to_string(item));
            listed.push_back(static_cast<std::uint32_t>(item));
        }
        INFO(contact.dump());
        auto read = pack->read(contact.dump());
        REQUIRE(read.input);
        engine::Evaluation evaluation(compiled, frontdoor::PackAccess::value(*read.input), nullptr);
        engine::RowIndexScratch scratch;
        index.candidates(
            [&](const frontdoor::dsl::ast::Expr& path) -> const engine::Value& { return evaluation.path(path); },
            scratch);
        const std::vector<std::uint32_t>& candidates = scratch.merged;
        // At most the rows of the contact's items, and the three always tried, in order.
        CHECK(std::is_sorted(candidates.begin(), candidates.end()));
        CHECK(candidates.size() <= listed.size() + 3);
        for (std::uint32_t row : listed) CHECK(std::binary_search(candidates.begin(), candidates.end(), row));
        // Every row whose condition holds is a candidate.
        for (std::uint32_t r = 0; r < decision.rows.size(); ++r) {
            const auto& row = decision.rows[r];
            if (!row.condition || evaluation.holds(*row.condition))
                CHECK(std::binary_search(candidates.begin(), candidates.end(), r));
        }
    }
}

TEST_CASE("a small decision, or one with no test the index serves, is scanned", "[row_index]") {
    std::string rules = indexed_header;
    rules += "decision few: set of text (collect)\n";
    for (int r = 0; r < 15; ++r) rules += "  \"f" + std::to_string(r) + "\" when x.colour = \"c1\"" + cited;
    rules += "decision unserved: set of text (collect)\n";
    for (int r = 0; r < 40; ++r)
        rules += "  \"g" + std::to_string(r) + "\" when x.n exists and x.n > " + std::to_string(r) + cited;
    rules += "output times in office\n  few = few\n  unserved = unserved\n";
    CHECK(indexed_decisions(*load(rules)) == 0);
}
