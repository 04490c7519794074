#pragma once
// A compiler-style message about a rule file: where, how bad, and what to do.
#include <cstdint>
#include <string>
#include <vector>

namespace frontdoor {

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;          // path as given to the pack loader, e.g. "<pack>/<file>.rules"
    std::uint32_t line = 0;    // 1-based; 0 when the message is about the pack as a whole
    std::uint32_t column = 0;  // 1-based, in characters (UTF-8 code points)
    std::uint32_t width = 1;   // caret width in characters on that line
    std::string message;
    std::string line_text;           // the source line, for the caret display
    std::vector<std::string> notes;  // follow-up lines, e.g. the members of a cycle
};

// "file:line:col: error: message", the source line and a caret underline, then the notes.
// These functions are thread-safe and throw only std::bad_alloc.
std::string render(const Diagnostic& diagnostic);
std::string render_all(const std::vector<Diagnostic>& diagnostics);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

// "; did you mean 'x'?" naming the candidate closest to `name` by edit distance, or "" when none
// is close enough to suggest: the one suggestion every message uses, in the rule checker's
// diagnostics and in a face's refusal of an unknown option or name.
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace frontdoor
