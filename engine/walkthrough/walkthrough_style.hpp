#pragma once
// How walkthroughs are laid out: plain text (optionally coloured) or Markdown, shared by the
// walkthrough and the what-if renderers.
#include "frontdoor/display_text.hpp"
#include "frontdoor/walkthrough.hpp"

#include <string>

namespace frontdoor {

struct Style {
    bool markdown;
    bool colour;
    std::string bold(const std::string& s) const {
        return markdown ? "**" + s + "**" : colour ? "\033[1m" + s + "\033[0m" : s;
    }
    std::string dim(const std::string& s) const {
        return markdown ? "*" + s + "*" : colour ? "\033[2m" + s + "\033[0m" : s;
    }
    std::string good(const std::string& s) const { return colour && !markdown ? "\033[32m" + s + "\033[0m" : s; }
    std::string bad(const std::string& s) const { return colour && !markdown ? "\033[31m" + s + "\033[0m" : s; }
    std::string heading(const std::string& s) const { return markdown ? "## " + s + "\n\n" : bold(s) + "\n"; }
    std::string item(const std::string& s, int depth = 1) const {
        return (markdown ? std::string(static_cast<std::size_t>(depth - 1) * 2, ' ') + "- "
                         : std::string(static_cast<std::size_t>(depth) * 2, ' ')) +
               s + "\n";
    }
};

// A row that did not apply is marked ✗, one that did ✓.
inline std::string mark(const Style& style, const std::string& line) {
    if (line.rfind("row ", 0) == 0 && line.find(" does not apply") != std::string::npos) return style.bad("✗ ") + line;
    if (line.rfind("row ", 0) == 0 && line.find(" applies") != std::string::npos) return style.good("✓ ") + line;
    return line;
}

// Every piece of text, escaped for display before the renderer adds its own marks (colour is ESC
// too): the contact's values, the pack's names and citations, the title and narrative.
Walkthrough displayable(Walkthrough w);

}  // namespace frontdoor
