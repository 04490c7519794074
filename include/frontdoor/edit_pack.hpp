#pragma once
// Checking a pack as an editor does (`frontdoor workspace`, docs/workspace.md): one file's edited
// text, not yet saved, in the context of the rest of the pack on disk; and the quick fix a
// diagnostic offers.
#include "frontdoor/frontdoor.hpp"

#include <optional>
#include <string>

namespace frontdoor {

// Loads the pack in `directory` as load_directory does, except that the file `path` (relative to
// the directory, e.g. "thresholds.rules" or "bank-holidays.json") is read as `text` instead of
// from disk, or added when the directory has no such file. The diagnostics name files as
// load_directory's do ("<directory>/<path>"). A `path` that is not a plain relative path is a
// diagnostic, never a read outside the directory. Thread-safe; reads no file named `path`.
LoadResult load_edited_pack(const std::string& directory, const std::string& path, std::string text);

// The text that a diagnostic's "did you mean 'x'?" suggests in place of the characters under its
// span (line, column, width on line_text): the suggested name, quoted as the spanned text is
// quoted. Nothing when the diagnostic suggests nothing. Thread-safe.
std::optional<std::string> suggested_replacement(const Diagnostic& diagnostic);

}  // namespace frontdoor
