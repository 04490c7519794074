#pragma once
// Loading a pack once its files are read: every pass, in order, in engine/load_pipeline.cpp.
#include "dsl/checked_pack.hpp"
#include "dsl/diagnostics.hpp"
#include "engine/compiled_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include <string>
#include <utility>
#include <vector>

namespace frontdoor::engine {

// Checks the rule files (reading the data files their syntax names through `read_data`), compiles
// them, and works out the digest over exactly the rule files and the data files read.
LoadResult run_load_pipeline(const std::string& label, std::vector<std::pair<std::string, std::string>> rule_files,
                             const dsl::DataFileReader& read_data);

// Passes with a file of their own.
// sha256 over each file as "<path>\0<byte length>\0<bytes>", files sorted by path: "sha256:<hex>".
std::string digest_pack_files(const std::vector<std::pair<std::string, std::string>>& files);
// Before: the input's records as declared. After: each field's pattern compiled and its default
// computed (CompiledPack::patterns, defaults); a default that overflows is an error at its expression.
void compile_inputs(CompiledPack& pack, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
