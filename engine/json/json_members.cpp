// A JSON cutter for well-formed text: it finds where values end, and leaves checking to whoever
// wrote the JSON (the engine, or a parser that accepted the input).
#include "engine/json/json_members.hpp"

#include "engine/json/parse_json_within_depth.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::records {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

std::size_t skip_space(std::string_view text, std::size_t at) {
    while (at < text.size() && is_space(text[at])) ++at;
    return at;
}

// Where the string starting at `at` (on its opening quote) ends, one past its closing quote.
std::size_t skip_string(std::string_view text, std::size_t at) {
    for (++at; at < text.size(); ++at) {
        if (text[at] == '\\') ++at;
        else if (text[at] == '"') return at + 1;
    }
    return text.size();
}

// Where the value starting at `at` ends.
std::size_t skip_value(std::string_view text, std::size_t at) {
    if (at >= text.size()) return at;
    if (text[at] == '"') return skip_string(text, at);
    if (text[at] != '{' && text[at] != '[') {
        while (at < text.size() && text[at] != ',' && text[at] != '}' && text[at] != ']' && !is_space(text[at])) ++at;
        return at;
    }
    int depth = 0;
    while (at < text.size()) {
        char c = text[at];
        if (c == '"') {
            at = skip_string(text, at);
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && --depth == 0) return at + 1;
        ++at;
    }
    return at;
}

// Calls `each(key, value)` for the members of an object or `each("", element)` for the elements
// of an array, until it returns false; returns false when the text is not of the kind asked for.
template <class Each>
bool walk(std::string_view text, char open, Each each) {
    std::size_t at = skip_space(text, 0);
    if (at >= text.size() || text[at] != open) return false;
    char close = open == '{' ? '}' : ']';
    at = skip_space(text, at + 1);
    while (at < text.size() && text[at] != close) {
        std::string_view key;
        if (open == '{') {
            if (text[at] != '"') return false;
            std::size_t end = skip_string(text, at);
            key = text.substr(at + 1, end - at - 2);
            at = skip_space(text, end);
            if (at >= text.size() || text[at] != ':') return false;
            at = skip_space(text, at + 1);
        }
        std::size_t end = skip_value(text, at);
        if (end == at) return false;  // not a value: malformed text must not loop
        if (!each(key, text.substr(at, end - at))) return true;
        at = skip_space(text, end);
        if (at < text.size() && text[at] == ',') at = skip_space(text, at + 1);
    }
    return true;
}

}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> split_members(std::string_view object) {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    auto add = [&](std::string_view key, std::string_view value) {
        out.emplace_back(key, value);
        return true;
    };
    if (!walk(object, '{', add)) out.clear();
    return out;
}

std::vector<std::string_view> split_elements(std::string_view array) {
    std::vector<std::string_view> out;
    auto add = [&](std::string_view, std::string_view value) {
        out.push_back(value);
        return true;
    };
    if (!walk(array, '[', add)) out.clear();
    return out;
}

std::optional<std::string_view> find_member(std::string_view object, std::string_view key) {
    std::optional<std::string_view> found;
    walk(object, '{', [&](std::string_view k, std::string_view value) {
        if (k == key) found = value;
        return !found;
    });
    return found;
}

std::string unquote(std::string_view value) {
    if (value.empty() || value.front() != '"') return std::string(value);
    if (value.find('\\') == std::string_view::npos) return std::string(value.substr(1, value.size() - 2));
    auto parsed = engine::parse_json_within_depth<nlohmann::json>(value);
    return parsed.is_string() ? parsed.get<std::string>() : std::string(value);
}

}  // namespace frontdoor::records
