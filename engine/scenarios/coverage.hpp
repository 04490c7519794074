#pragma once
// Which rules of a pack a set of evaluations exercised (as `opa test --coverage` does for Rego).
#include "engine/evaluate/trace.hpp"
#include "engine/load/compiled_pack.hpp"
#include "frontdoor/testing.hpp"

#include <vector>

namespace frontdoor::engine {

class Coverage {
public:
    explicit Coverage(const CompiledPack& pack);
    void record(const Trace& trace);
    void record_refusal(int rule);
    std::vector<CoverageItem> items() const;

private:
    std::string location(dsl::Span span) const;
    const CompiledPack& pack_;
    std::vector<std::vector<bool>> rows_;  // by definition slot: rows / entries hit (lets: one)
    std::vector<bool> refusals_;
};

}  // namespace frontdoor::engine
