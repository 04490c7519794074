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
    void warning(Span span, std::string message, std::vector<std::string> notes = {});
    // A message about the pack as a whole (no position), e.g. "the pack has no output block".
    void pack_error(std::string file, std::string message);
    bool has_errors() const;
    // Sorted by file, line, column; duplicates removed.
    std::vector<Diagnostic> sorted() const;

private:
    void add(Severity severity, Span span, std::string message, std::vector<std::string> notes);
    const std::vector<Source>& sources_;
    std::vector<Diagnostic> list_;
};

// The candidate closest to `name` by edit distance, or "" when none is close enough to suggest.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "" (declared in the public frontdoor/diagnostic.hpp).
using frontdoor::did_you_mean;

}  // namespace frontdoor::dsl
