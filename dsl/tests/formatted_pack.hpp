#pragma once
// Two format tests load a pack again after formatting its rule files and compare what it decides:
// the files formatted at a width, and a decision's text with the pack's digest taken out (the
// digest hashes the files' text, so it is the one thing formatting may change).
#include "dsl/format_pack.hpp"
#include "frontdoor/diagnostic.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace format_test {

using Files = std::vector<std::pair<std::string, std::string>>;

// Every rule file formatted at `width` (each must format without a diagnostic); data files as they are.
inline Files formatted(const Files& files, int width) {
    Files out;
    for (const auto& [name, text] : files) {
        if (!name.ends_with(".rules")) {
            out.emplace_back(name, text);
            continue;
        }
        auto result = frontdoor::dsl::format_rules(frontdoor::dsl::Source(name, text), width);
        INFO(name << ":\n" << frontdoor::render_all(result.diagnostics));
        REQUIRE(result.diagnostics.empty());
        out.emplace_back(name, result.text);
    }
    return out;
}

inline std::string without(std::string text, const std::string& digest) {
    for (auto at = text.find(digest); at != std::string::npos; at = text.find(digest, at))
        text.erase(at, digest.size());
    return text;
}

}  // namespace format_test
