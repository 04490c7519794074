#pragma once
// Collects every diagnostic of a compile, made from syntax spans, so that all problems are reported
// in one run, sorted by position.
#include "dsl/source.hpp"
#include "frontdoor/diagnostic.hpp"

#include <string>
#include <vector>

namespace frontdoor::dsl {

class Diagnostics {
public:
    explicit Diagnostics(const std::vector<Source>& sources) : sources_(sources) {}

    void error(Span span, std::string message, std::vector<std::string> notes = {});
    // An error with one related place: a diagnostic of severity note, with its own file:line:col and
    // caret, that stays right after the error when the list is sorted.
    void error(Span span, std::string message, Span related, std::string note);
    void warning(Span span, std::string message, std::vector<std::string> notes = {});
    // A message about the pack as a whole (no position), e.g. "the pack has no output block".
    void pack_error(std::string file, std::string message);
    bool has_errors() const;
    // Sorted by file, line, column (a note attached to an error stays after it); duplicates removed.
    std::vector<Diagnostic> sorted() const;

private:
    void add(Severity severity, Span span, std::string message, std::vector<std::string> notes);
    Diagnostic located(Severity severity, Span span, std::string message) const;
    const std::vector<Source>& sources_;
    std::vector<Diagnostic> list_;
    std::vector<bool> attached_;  // per entry: a note that belongs to the entry before it
};

// Levenshtein distance: how many letters to insert, delete or change to turn `a` into `b`.
std::size_t edit_distance(const std::string& a, const std::string& b);
// "a " or "an " before `phrase`, by the sound of its first word ("an outcome_code", "an hour",
// "a unit", "a referrer"): every message that puts an article before a name asks this, once.
std::string with_article(const std::string& phrase);
// The candidate closest to `name` by edit distance, or "" when none is close enough to suggest.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "" (declared in the public frontdoor/diagnostic.hpp).
using frontdoor::did_you_mean;

}  // namespace frontdoor::dsl
