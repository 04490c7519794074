#pragma once
// A checked pack lowered for evaluation: the decision graph, compiled input patterns and field
// defaults, and the pack's identity. Immutable after loading and shared by every thread.
#include "dsl/checked_pack.hpp"
#include "engine/graph/decision_graph.hpp"
#include "engine/evaluate/expression_plan.hpp"
#include "engine/evaluate/pattern.hpp"
#include "engine/evaluate/value.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace frontdoor::engine {

// A fact an expression reads, as an explanation lists it: a name or field path whose root is the
// input or a definition. Worked out at load, so that explaining walks no syntax.
struct ReadSite {
    const dsl::ast::Expr* expr;
    int definition;         // the root definition's slot, or -1 for an input path
    std::string_view path;  // text in CompiledPack::paths
    std::string_view key;   // the path encoded as a JSON key with its colon
};

// A run [begin, end) of CompiledPack::read_sites.
struct ReadSites {
    std::uint32_t begin = 0, end = 0;
};

// A part of a condition that can be the reason a row did not apply: what it reads, and its text
// encoded as JSON.
struct FailedPart {
    ReadSites reads;
    std::string_view encoded;
};

// How the explanation writes a definition's entries, encoded at load as far as they are fixed.
struct ExplainedDefinition {
    // computed: heads then the value and reads; table: its rule names the key, then heads[row + 1]
    // and the value; collect: one entry per applied row, none for the whole; constant: `whole`.
    enum class Form : std::uint8_t { computed, table, collect, constant };
    Form form = Form::computed;
    // By row + 1 (a let or a constant at 0): {"rule":…,"source":…,"when":…,"value": (a table's
    // from "source" on).
    std::vector<std::string> heads;
    // By row, for the rows of a first-match decision that did not apply: {"row":…,"source":…,"failed":
    std::vector<std::string> attempts;
    // A definition that does not depend on the input: its whole entry, value and all.
    std::string whole;
};

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
    // What evaluating each expression needs worked out at load, by Expr::id.
    std::vector<ExpressionPlan> plans;
    const ExpressionPlan& plan(const dsl::ast::Expr& expr) const { return plans[static_cast<std::size_t>(expr.id)]; }
    // Values computed once at load: expressions that read nothing (ExpressionPlan::constant indexes
    // `constants`) and definitions that do not depend on the input (`constant_definitions`, by slot).
    std::vector<Value> constants;
    std::vector<std::optional<Value>> constant_definitions;
    // Constant collections of enumeration members as bits by member index, for `x in S` tests
    // (ExpressionPlan::member_bits).
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
    // from the input: condition texts (by condition), read paths as keys ("path":, by the name or
    // field expression), citations, enum members and record field names as keys.
    std::unordered_map<const dsl::ast::Expr*, std::string> encoded_texts;
    std::unordered_map<const dsl::ast::Expr*, std::string> encoded_path_keys;
    std::unordered_map<const dsl::ast::Citation*, std::string> encoded_citations;
    std::vector<std::vector<std::string>> encoded_members;  // by enum, by member index
    std::vector<std::vector<std::string>> encoded_fields;   // by record, by field index: "\"name\":"
    std::vector<std::string> encoded_output_keys;            // by field of the output: "\"name\":"
    std::string encoded_ruleset;  // {"name":…,"version":…,"digest":…}

    // What an explanation lists as read, in order and without repeats (index_explanations.cpp):
    // by definition slot and row, the facts its entry reads (a let: row 0; a first-match row: its
    // condition's, then its value's; a collect row: its condition's); and by expression, each part
    // of a first-match condition that can be the reason its row did not apply.
    std::vector<ReadSite> read_sites;
    std::vector<std::vector<ReadSites>> entry_reads;
    std::unordered_map<const dsl::ast::Expr*, FailedPart> failed_parts;
    std::vector<ExplainedDefinition> explained;  // by slot

    const dsl::ast::Decision& decision(int slot) const {
        return checked->syntax.decisions[checked->definitions[slot].syntax_index];
    }
};

}  // namespace frontdoor::engine
