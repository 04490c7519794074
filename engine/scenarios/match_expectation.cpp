// Expectations that match a part, so that a scenario checking one warning or one phrase of a
// message does not break when an unrelated member, warning or word is added.
#include "engine/scenarios/match_expectation.hpp"

#include "frontdoor/testing.hpp"

#include <algorithm>

namespace frontdoor::engine {

namespace {

using nlohmann::json;

bool is_partial(const json& expected) {
    return expected.is_object() && expected.size() == 1 && expected.contains("contains");
}

bool list_holds(const json& list, const json& item) {
    return std::any_of(list.begin(), list.end(), [&](const json& element) { return element == item; });
}

bool contains_part(const json& part, const json& actual) {
    if (actual.is_string())
        return part.is_string() &&
               actual.get_ref<const std::string&>().find(part.get_ref<const std::string&>()) != std::string::npos;
    if (actual.is_array()) {
        if (!part.is_array()) return list_holds(actual, part);
        return std::all_of(part.begin(), part.end(), [&](const json& item) { return list_holds(actual, item); });
    }
    if (actual.is_object() && part.is_object()) {
        for (const auto& [key, value] : part.items())
            if (!actual.contains(key) || actual[key] != value) return false;
        return true;
    }
    return false;
}

}  // namespace

bool expectation_met(const json& expected, const json& actual) {
    if (expected == actual) return true;
    return is_partial(expected) && contains_part(expected["contains"], actual);
}

}  // namespace frontdoor::engine

namespace frontdoor {

bool expectation_holds(std::string_view expected, std::string_view actual) {
    auto e = nlohmann::json::parse(expected, nullptr, false), a = nlohmann::json::parse(actual, nullptr, false);
    if (e.is_discarded() || a.is_discarded()) return false;
    return engine::expectation_met(e, a);
}

}  // namespace frontdoor
