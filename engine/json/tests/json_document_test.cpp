// The strict reader finds a key given twice in linear time: a white-box test of JsonDocument, with
// the member limit raised past what any contact may have (tests/unit/test_input_limits.cpp holds the
// limits as a contact meets them).
#include "engine/json/json_document.hpp"
#include "frontdoor/input_limits.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <string>

namespace {

// Processor time since `start`, in seconds: unlike the wall clock, it does not grow when other
// tests share the machine.
double seconds_since(std::clock_t start) { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; }

std::string numbered_members(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    return out;
}

}  // namespace

TEST_CASE("finding keys given twice takes linear time", "[input limits]") {
    // With the member limit raised, 200,000 distinct keys (60 s with a scan per key) take well under a second.
    frontdoor::InputLimits limits;
    limits.object_members = 1'000'000;
    limits.document_values = 1'000'000;
    std::string text = "{" + numbered_members(200'000) + "}";
    frontdoor::engine::JsonDocument document;
    std::clock_t started = std::clock();
    auto error = document.parse(text, limits);
    CHECK(seconds_since(started) < 1.0);
    CHECK_FALSE(error);
    CHECK(document.root().size == 200'000);
    auto twice = document.parse("{" + numbered_members(200'000) + ",\"k199999\":1}", limits);
    REQUIRE(twice);
    CHECK(twice->path == "/k199999");
}
