#pragma once
// The JSON of a walkthrough and of a what-if comparison (include/frontdoor/walkthrough.hpp) for the
// workspace's trainer view: the library's own sentences, escaped for display as the CLI prints
// them, laid out as fields instead of lines of text.
#include "frontdoor/walkthrough.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor::http {

// {"facts", "steps": [{"number", "heading", "source", "lines"}], "result", "fields", "decision"}
nlohmann::json walkthrough_json(const Walkthrough& walkthrough);

// {"changes", "facts_changed", "differences": [{"change", "before", "now"}], "steps", ...}
nlohmann::json what_if_json(const WhatIfComparison& compared, const std::vector<std::string>& changes);

}  // namespace frontdoor::http
