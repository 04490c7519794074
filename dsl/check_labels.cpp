// Labels (`label "level of need"`) are the words a walkthrough uses for a definition or an enum
// member, so each must say something and tell its owner apart: not empty, not too long for a
// heading, and not the label of another definition or of another member of the same enumeration.
#include "dsl/analyse_pack.hpp"

#include <cstddef>
#include <map>
#include <string_view>

namespace frontdoor::dsl {

namespace {

// The longest label, in characters: a label is a heading's words, not a sentence.
constexpr std::size_t max_label_length = 80;

std::size_t characters(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

// Reports labels that are blank or too long, and a label given to two owners in one `seen` map.
class LabelCheck {
public:
    explicit LabelCheck(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

    void label(const ast::Label& label, const std::string& owner, const char* kind) {
        if (!label.present) return;
        if (blank(label.text)) {
            diagnostics_.error(label.span, "the label of " + owner + " is empty: a label gives the words that " +
                                               "walkthroughs show for it; write them, or leave the label out");
            return;
        }
        if (characters(label.text) > max_label_length)
            diagnostics_.error(label.span, "the label of " + owner + " is " + std::to_string(characters(label.text)) +
                                               " characters long; a label is at most " +
                                               std::to_string(max_label_length) +
                                               " characters (a heading, not a sentence)");
        auto [first, fresh] = seen_.emplace(label.text, std::make_pair(owner, label.span));
        if (!fresh)
            diagnostics_.error(label.span,
                               owner + " has the label \"" + label.text + "\", as " + first->second.first +
                                   " has: a label must tell " + kind + " apart",
                               first->second.second, "the label of " + first->second.first + " is here");
    }

private:
    Diagnostics& diagnostics_;
    std::map<std::string, std::pair<std::string, Span>> seen_;
};

}  // namespace

void check_labels(const CheckedPack& pack, Diagnostics& diagnostics) {
    LabelCheck definitions(diagnostics);
    for (const auto& decl : pack.syntax.lets) definitions.label(decl.label, "'" + decl.name + "'", "definitions");
    for (const auto& decl : pack.syntax.decisions) definitions.label(decl.label, "'" + decl.name + "'", "definitions");
    for (const auto& decl : pack.syntax.tables) definitions.label(decl.label, "'" + decl.name + "'", "definitions");
    for (const auto& decl : pack.syntax.enums) {
        LabelCheck members(diagnostics);
        for (std::size_t i = 0; i < decl.members.size() && i < decl.labels.size(); ++i)
            members.label(decl.labels[i], "member \"" + decl.members[i].first + "\" of enum '" + decl.name + "'",
                          "the members of an enumeration");
    }
}

}  // namespace frontdoor::dsl
