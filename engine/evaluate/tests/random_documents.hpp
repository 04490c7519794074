#pragma once
// What the evaluator's property tests share (row_index_test.cpp, condition_program_test.cpp): a
// pack loaded from one rule text, reached into before it is used, and random contacts of the
// `doc` record both tests declare (`big`, `colour`, `colours`, `n`, `b`, `d`, each optional field
// given two times in three).
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace frontdoor::evaluate_tests {

// A row's citation, and the end of its line.
inline constexpr const char* cited = "  [source \"t\"]\n";

// One of the first `colour_count` members "c0", "c1"... of the tests' enum colour, quoted.
inline std::string random_colour(std::mt19937& random, int colour_count) {
    return "\"c" + std::to_string(random() % colour_count) + "\"";
}

inline std::shared_ptr<const Pack> load_rules(const std::string& label, const std::string& rules) {
    auto loaded = Pack::load_files(label, {{"pack.rules", rules}});
    INFO(rules << "\n" << render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    return loaded.pack;
}

// A loaded pack is immutable; the white-box tests alone reach into one before it is used, to take
// an index or the programs away and so make the reference they compare with.
inline engine::CompiledPack& compiled_to_change(const Pack& pack) {
    return const_cast<engine::CompiledPack&>(PackAccess::compiled(pack));
}

// A `doc`: `big` the largest integer one time in twenty (its `x.big + 1` refuses the contact), and
// each of `colours`' `colour_count` members listed one time in `one_colour_in`, shuffled.
inline nlohmann::json random_doc(std::mt19937& random, int colour_count, int one_colour_in) {
    auto chance = [&] { return random() % 3 != 0; };
    nlohmann::json contact = {{"big", random() % 20 == 0 ? INT64_MAX : 0}};
    if (chance()) contact["colour"] = "c" + std::to_string(random() % colour_count);
    if (chance()) {
        std::vector<std::string> colours;
        for (int k = 0; k < colour_count; ++k)
            if (random() % one_colour_in == 0) colours.push_back("c" + std::to_string(k));
        std::shuffle(colours.begin(), colours.end(), random);
        contact["colours"] = colours;
    }
    if (chance()) contact["n"] = random() % 4;
    if (chance()) contact["b"] = random() % 2 == 0;
    if (chance()) contact["d"] = "2024-03-0" + std::to_string(1 + random() % 3);
    return contact;
}

}  // namespace frontdoor::evaluate_tests
