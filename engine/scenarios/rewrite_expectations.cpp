#include "engine/scenarios/rewrite_expectations.hpp"

#include "engine/json/json_members.hpp"

#include <algorithm>

namespace frontdoor::engine {

namespace {

// The one member `key` of `object` (a view into the text), or nothing when it is not there once.
std::optional<std::string_view> only_member(std::string_view object, std::string_view key) {
    std::optional<std::string_view> found;
    for (const auto& [k, value] : records::split_members(object)) {
        if (k != key) continue;
        if (found) return std::nullopt;
        found = value;
    }
    return found;
}

// The white space that starts the line holding `at`.
std::string indentation_at(std::string_view text, std::size_t at) {
    std::size_t line = text.rfind('\n', at);
    line = line == std::string_view::npos ? 0 : line + 1;
    std::size_t end = line;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
    return std::string(text.substr(line, end - line));
}

std::string indented(const std::string& value, const std::string& indent) {
    std::string out;
    for (char c : value) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

}  // namespace

std::optional<std::string> rewrite_expectations(std::string_view text, std::string_view block,
                                                const std::vector<std::pair<std::string, std::string>>& values) {
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    auto expect = only_member(body, block);
    if (!expect) return std::nullopt;
    struct Replacement {
        std::size_t begin, end;
        std::string value;
    };
    std::vector<Replacement> replacements;
    for (const auto& [field, value] : values) {
        auto old = only_member(*expect, field);
        if (!old) return std::nullopt;
        std::size_t begin = static_cast<std::size_t>(old->data() - text.data());
        replacements.push_back({begin, begin + old->size(), indented(value, indentation_at(text, begin))});
    }
    std::sort(replacements.begin(), replacements.end(), [](const auto& a, const auto& b) { return a.begin > b.begin; });
    std::string out(text);
    for (const auto& r : replacements) out.replace(r.begin, r.end - r.begin, r.value);
    return out;
}

}  // namespace frontdoor::engine
