#pragma once
// A checked pack lowered for evaluation: the decision graph, compiled input patterns and field
// defaults, and the pack's identity. Immutable after loading and shared by every thread.
#include "dsl/checked_pack.hpp"
#include "engine/decision_graph.hpp"
#include "engine/pattern.hpp"
#include "engine/value.hpp"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace frontdoor::engine {

struct CompiledPack {
    std::unique_ptr<dsl::CheckedPack> checked;
    DecisionGraph graph;
    std::string name;
    std::string version;
    std::string digest;  // "sha256:<hex>"
    dsl::PackFiles files;
    // Per record, per field: the value used when an optional field is omitted (absent when none).
    std::vector<std::vector<Value>> defaults;
    std::vector<std::vector<std::shared_ptr<const Pattern>>> patterns;
    // Values computed once at load: expressions that read nothing (Expr::resolved.constant indexes
    // `constants`) and definitions that do not depend on the input (`constant_definitions`, by slot).
    std::vector<Value> constants;
    std::vector<std::optional<Value>> constant_definitions;
    // Constant collections of enumeration members as bits by member index, for `x in S` tests
    // (Expr::resolved.member_bits).
    std::vector<std::vector<std::uint64_t>> member_bits;
    bool has_member(int bits, std::int64_t member) const {
        const auto& words = member_bits[static_cast<std::size_t>(bits)];
        auto word = static_cast<std::size_t>(member >> 6);
        return word < words.size() && ((words[word] >> (member & 63)) & 1u) != 0;
    }
    // The text of every expression as written (for explanations) and of every name or field path,
    // worked out once at load so that explaining a decision builds no strings from the syntax.
    std::unordered_map<const dsl::ast::Expr*, std::string> texts;
    std::unordered_map<const dsl::ast::Expr*, std::string> paths;
    // The same fixed strings already encoded as JSON, so writing a decision escapes only what came
    // from the input: expression texts, read paths as keys ("path":), citations, enum members and
    // record field names as keys.
    std::unordered_map<const void*, std::string> encoded;
    std::vector<std::vector<std::string>> encoded_members;  // by enum, by member index
    std::vector<std::vector<std::string>> encoded_fields;   // by record, by field index: "\"name\":"
    std::vector<std::string> encoded_output_keys;            // by field of the output: "\"name\":"
    std::string encoded_ruleset;  // {"name":…,"version":…,"digest":…}
    const std::string& encoded_of(const void* key) const { return encoded.at(key); }

    const dsl::ast::Decision& decision(int slot) const {
        return checked->syntax.decisions[checked->definitions[slot].syntax_index];
    }
};

}  // namespace frontdoor::engine
