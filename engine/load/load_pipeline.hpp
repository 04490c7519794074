#pragma once
// Loading a pack once its files are read: every pass, in order, in engine/load/load_pipeline.cpp.
#include "dsl/checked_pack.hpp"
#include "dsl/diagnostics.hpp"
#include "engine/load/compiled_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include <string>
#include <utility>
#include <vector>

namespace frontdoor::engine {

// Checks the rule files (reading the data files their syntax names through `read_data`), compiles
// them, and works out the digest over exactly the rule files and the data files read.
LoadResult run_load_pipeline(const std::string& label, std::vector<std::pair<std::string, std::string>> rule_files,
                             const dsl::DataFileReader& read_data);

// Before: the input's records as declared. After: each field's pattern compiled and its default
// computed (CompiledPack::patterns, defaults); a default that overflows is an error at its expression.
void compile_inputs(CompiledPack& pack, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
