#pragma once
// JSON that Frontdoor did not write itself (a walkthrough's contact and what-if values, a scenario
// file, a value stored in a decision log) is parsed with nlohmann through this one function.
// nlohmann's parser does not recurse, but dumping, comparing and copying a value do, once per
// level, so a value nested 100,000 deep would exhaust the stack after it was read. This parse stops
// at the contact reader's limit (max_json_depth), with the same meaning: no value inside more than
// that many arrays and objects.
#include "engine/json/json_document.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace frontdoor::engine {

enum class JsonParseFailure { none, not_json, too_deep };

// `text` parsed as `Json` (nlohmann::json or nlohmann::ordered_json), or a discarded value
// (is_discarded()) when it is not JSON or nests deeper than max_json_depth; `failure`, when given,
// says which.
template <typename Json>
Json parse_json_within_depth(std::string_view text, JsonParseFailure* failure = nullptr) {
    struct TooDeep {};
    // `depth` counts the arrays and objects around the value that starts (or the scalar read).
    auto within_depth = [](int depth, typename Json::parse_event_t event, Json&) {
        using Event = typename Json::parse_event_t;
        if ((event == Event::object_start || event == Event::array_start || event == Event::value) &&
            depth > max_json_depth)
            throw TooDeep{};
        return true;
    };
    Json parsed;
    try {
        parsed = Json::parse(text, within_depth, false);
    } catch (const TooDeep&) {
        if (failure) *failure = JsonParseFailure::too_deep;
        return Json(Json::value_t::discarded);
    }
    if (failure) *failure = parsed.is_discarded() ? JsonParseFailure::not_json : JsonParseFailure::none;
    return parsed;
}

}  // namespace frontdoor::engine
