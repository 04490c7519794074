#pragma once
// JSON that Frontdoor did not write itself (a walkthrough's contact and what-if values, a scenario
// file, a value stored in a decision log) is parsed with nlohmann through this one function.
// nlohmann's parser does not recurse, but dumping, comparing and copying a value do, once per
// level, so a value nested 100,000 deep would exhaust the stack after it was read. This parse stops
// at the contact reader's limit (max_json_depth), with the same meaning: no value inside more than
// that many arrays and objects.
#include "engine/json/json_document.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

enum class JsonParseFailure { none, not_json, too_deep, repeated_field };

// `text` parsed as `Json` (nlohmann::json or nlohmann::ordered_json), or a discarded value
// (is_discarded()) when it is not JSON or nests deeper than max_json_depth; `failure`, when given,
// says which. With `repeated` given, an object that gives a field twice is refused too (failure
// repeated_field, `repeated` naming the field): nlohmann would keep the last silently, where the
// contact reader refuses it, so a scenario's second "expect" would replace the first and a
// what-if's value decide a contact eval refuses.
template <typename Json>
Json parse_json_within_depth(std::string_view text, JsonParseFailure* failure = nullptr,
                             std::string* repeated = nullptr) {
    struct TooDeep {};
    struct Repeated {
        std::string field;
    };
    // The field names of each object being read, by its depth (the depth nlohmann gives its keys).
    std::vector<std::set<std::string>> names;
    // `depth` counts the arrays and objects around the value that starts (or the scalar read).
    auto within_depth = [&names, repeated](int depth, typename Json::parse_event_t event, Json& parsed) {
        using Event = typename Json::parse_event_t;
        if ((event == Event::object_start || event == Event::array_start || event == Event::value) &&
            depth > max_json_depth)
            throw TooDeep{};
        const auto level = static_cast<std::size_t>(depth);
        if (repeated == nullptr) return true;
        if (event == Event::object_start) {
            if (names.size() < level + 2) names.resize(level + 2);
            names[level + 1].clear();
        } else if (event == Event::key && level < names.size() &&
                   !names[level].insert(parsed.template get<std::string>()).second) {
            throw Repeated{parsed.template get<std::string>()};
        }
        return true;
    };
    Json parsed;
    try {
        parsed = Json::parse(text, within_depth, false);
    } catch (const TooDeep&) {
        if (failure) *failure = JsonParseFailure::too_deep;
        return Json(Json::value_t::discarded);
    } catch (const Repeated& found) {
        if (failure) *failure = JsonParseFailure::repeated_field;
        if (repeated) *repeated = found.field;
        return Json(Json::value_t::discarded);
    }
    if (failure) *failure = parsed.is_discarded() ? JsonParseFailure::not_json : JsonParseFailure::none;
    return parsed;
}

}  // namespace frontdoor::engine
