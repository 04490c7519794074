#pragma once
#include "frontdoor/frontdoor.hpp"

#include <iostream>
#include <memory>
#include <string>

namespace frontdoor::cli {

// Loads a pack, printing its diagnostics to standard error; null when it has errors.
inline std::shared_ptr<const Pack> load_or_report(const std::string& directory, bool show_warnings = true) {
    LoadResult result = Pack::load_directory(directory);
    for (const auto& d : result.diagnostics)
        if (show_warnings || d.severity == Severity::error) std::cerr << render(d);
    if (!result.pack) {
        std::size_t errors = 0;
        for (const auto& d : result.diagnostics) errors += d.severity == Severity::error;
        std::cerr << errors << (errors == 1 ? " error" : " errors") << " in " << directory << "\n";
    }
    return result.pack;
}

// As load_or_report, but every warning is reported as an error and makes the load fail
// (`check --strict`).
inline std::shared_ptr<const Pack> load_strictly_or_report(const std::string& directory) {
    LoadResult result = Pack::load_directory(directory);
    std::size_t errors = 0;
    for (auto d : result.diagnostics) {
        if (d.severity == Severity::warning) d.severity = Severity::error;
        errors += d.severity == Severity::error;
        std::cerr << render(d);
    }
    if (errors == 0) return result.pack;
    std::cerr << errors << (errors == 1 ? " error" : " errors") << " in " << directory
              << " (warnings count as errors with --strict)\n";
    return nullptr;
}

}  // namespace frontdoor::cli
