// A structural diff of two JSON texts, on byte ranges cut by json_members (no DOM): objects member
// by member, lists aligned by their longest common subsequence.
#include "engine/records/diff_json_values.hpp"

#include "engine/json/json_members.hpp"

#include <algorithm>
#include <cstddef>

namespace frontdoor::records {

namespace {

// Lists longer than this on both sides are compared item by item instead of aligned: a
// decision's lists are a handful of items, and the alignment costs their product.
constexpr std::size_t align_limit = 1000;

using Lines = std::vector<std::string>;

// Whether `value` is an object (open '{') or a list (open '[') that json_members can take apart.
bool container(std::string_view value, char open) {
    if (value.empty() || value.front() != open) return false;
    if (open == '{' ? !split_members(value).empty() : !split_elements(value).empty()) return true;
    std::string compact;
    for (char c : value)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') compact += c;
    return compact == (open == '{' ? "{}" : "[]");
}

std::string shown(std::string_view value) { return value.empty() ? "(absent)" : std::string(value); }

std::string at_path(const std::string& path, const std::string& what) {
    return path.empty() ? what : path + ": " + what;
}

void diff_values(const std::string& path, std::string_view before, std::string_view after, Lines& out);

void diff_objects(const std::string& path, std::string_view before, std::string_view after, Lines& out) {
    auto old_members = split_members(before), new_members = split_members(after);
    auto value_in = [](const auto& members, std::string_view key) {
        for (const auto& [k, value] : members)
            if (k == key) return value;
        return std::string_view();
    };
    auto member_path = [&](std::string_view key) { return (path.empty() ? "" : path + ".") + std::string(key); };
    for (const auto& [key, value] : old_members) diff_values(member_path(key), value, value_in(new_members, key), out);
    for (const auto& [key, value] : new_members)
        if (value_in(old_members, key).empty()) diff_values(member_path(key), "", value, out);
}

// Which items of `a` and `b` are kept, in order: the longest common subsequence of equal items.
std::vector<std::pair<std::size_t, std::size_t>> kept_items(const std::vector<std::string_view>& a,
                                                            const std::vector<std::string_view>& b) {
    std::vector<std::pair<std::size_t, std::size_t>> kept;
    if (a.size() > align_limit && b.size() > align_limit) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            if (a[i] == b[i]) kept.emplace_back(i, i);
        return kept;
    }
    // longest[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<std::size_t>> longest(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            longest[i][j] = a[i] == b[j] ? longest[i + 1][j + 1] + 1 : std::max(longest[i + 1][j], longest[i][j + 1]);
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) kept.emplace_back(i++, j++);
        else if (longest[i + 1][j] >= longest[i][j + 1]) ++i;
        else ++j;
    }
    return kept;
}

// Between two kept items, the items only `before` has and those only `after` has: paired off in
// order as changed in place, the rest removed or added.
void diff_lists(const std::string& path, std::string_view before, std::string_view after, Lines& out) {
    auto a = split_elements(before), b = split_elements(after);
    auto kept = kept_items(a, b);
    kept.emplace_back(a.size(), b.size());  // the end, kept so that the last run is handled alike
    std::size_t i = 0, j = 0;
    for (const auto& [next_i, next_j] : kept) {
        for (; i < next_i && j < next_j; ++i, ++j) diff_values(path + "[" + std::to_string(i) + "]", a[i], b[j], out);
        for (; i < next_i; ++i) out.push_back(path + "[" + std::to_string(i) + "]: removed " + std::string(a[i]));
        for (; j < next_j; ++j) out.push_back(path + "[" + std::to_string(j) + "]: added " + std::string(b[j]));
        ++i;
        ++j;
    }
}

void diff_values(const std::string& path, std::string_view before, std::string_view after, Lines& out) {
    if (before == after) return;
    if (container(before, '{') && container(after, '{')) return diff_objects(path, before, after, out);
    if (container(before, '[') && container(after, '[')) return diff_lists(path, before, after, out);
    out.push_back(at_path(path, shown(before) + " -> " + shown(after)));
}

}  // namespace

std::vector<std::string> diff_json_values(const std::string& path, std::string_view before, std::string_view after) {
    Lines out;
    diff_values(path, before, after, out);
    // Texts that differ only in layout or member order (a decision recorded by another engine
    // version, say) are shown whole rather than as no difference at all.
    if (out.empty() && before != after) out.push_back(at_path(path, shown(before) + " -> " + shown(after)));
    return out;
}

}  // namespace frontdoor::records
