#include "dsl/suggest_syntax_fix.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace frontdoor::dsl {

namespace {

// Operators of other languages and the rule language's spelling of each.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> foreign_operators{
    {{"===", "="}, {"==", "="}, {"&&", "and"}, {"||", "or"}, {"<>", "!="}, {"!", "not"}}};

// The words the grammar knows (dsl/grammar.hpp): keywords, units, quantifiers and types.
constexpr std::array<std::string_view, 62> known_words{
    "pack",      "version",  "source",   "calendar",  "timezone",  "rules",   "open",     "holidays", "from",
    "division",  "enum",     "record",   "optional",  "list",      "set",     "of",       "null",     "matching",
    "length",    "to",       "at",       "most",      "unique",    "default", "input",    "refuse",   "because",
    "let",       "decision", "first",    "match",     "collect",   "table",   "output",   "times",    "when",
    "otherwise", "then",     "else",     "exists",    "absent",    "true",    "false",    "where",    "each",
    "working",   "date",     "datetime", "exclusive", "partition", "seconds", "minutes",  "hours",    "days",
    "months",    "boolean",  "integer",  "text",      "duration",  "latest",  "earliest", "filter"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Edit distance counting a swap of two neighbouring letters as one edit (`wehn` is one from `when`).
std::size_t edits(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::optional<SyntaxFix> foreign_operator_fix(std::string_view text, std::uint32_t at) {
    // The parser may give up on the second character of one (`==`, `<>`): try from the one before.
    for (std::uint32_t from : {at > 0 ? at - 1 : at, at}) {
        for (auto [foreign, ours] : foreign_operators) {
            if (text.substr(from, foreign.size()) != foreign || from + foreign.size() <= at) continue;
            if (foreign == "!" && text.substr(from, 2) == "!=") continue;
            return SyntaxFix{from, static_cast<std::uint32_t>(from + foreign.size()), std::string(ours)};
        }
    }
    return std::nullopt;
}

// A word of four or more letters, not itself a known word, one edit from a known word (two for
// a word of eight letters or more): the closest, the first listed on a tie.
std::optional<SyntaxFix> misspelt_word(std::string_view text, std::uint32_t at) {
    if (at > 0 && is_word_char(text[at - 1])) return std::nullopt;  // not at the start of a word
    std::uint32_t end = at;
    while (end < text.size() && is_word_char(text[end])) ++end;
    std::string_view word = text.substr(at, end - at);
    if (word.size() < 4 || std::find(known_words.begin(), known_words.end(), word) != known_words.end())
        return std::nullopt;
    std::size_t best = word.size() < 8 ? 2 : 3;  // one more than the edits allowed
    std::optional<SyntaxFix> fix;
    for (std::string_view known : known_words) {
        std::size_t distance = edits(word, known);
        if (distance < best) {
            best = distance;
            fix = SyntaxFix{at, end, std::string(known)};
        }
    }
    return fix;
}

}  // namespace

std::optional<SyntaxFix> suggest_syntax_fix(std::string_view text, std::uint32_t at) {
    if (at >= text.size()) return std::nullopt;
    if (auto fix = foreign_operator_fix(text, at)) return fix;
    return misspelt_word(text, at);
}

}  // namespace frontdoor::dsl
