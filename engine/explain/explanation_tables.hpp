#pragma once
// The explain stage's tables, worked out at load so that explaining a decision (and writing any
// decision's JSON) walks no syntax and builds no fixed string: the text of each condition and
// path, every fixed string already encoded as JSON, what each row reads and each entry's fixed
// JSON. Indexed by Expr::id, Citation::id, definition slot, enum and record index: the syntax tree
// stays as the checker left it. Filled by index_texts and index_names (engine/load/fold_constants.cpp)
// and index_explanations (engine/load/index_explanations.cpp, which asks engine/explain/explain.cpp
// for the JSON of the entries).
#include "dsl/ast.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

// A fact an expression reads, as an explanation lists it: a name or field path whose root is the
// input or a definition.
struct ReadSite {
    const dsl::ast::Expr* expr;
    int definition;         // the root definition's slot, or -1 for an input path
    std::string_view path;  // text in ExplanationTables::paths
    std::string_view key;   // the path encoded as a JSON key with its colon
};

// A run [begin, end) of ExplanationTables::read_sites.
struct ReadSites {
    std::uint32_t begin = 0, end = 0;
};

// A part of a condition that can be the reason a row did not apply: what it reads, and its text
// encoded as JSON (empty for an expression that is no such part).
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
    // The same three in the compact explanation (DecideOptions::compact_explanation): each fixed
    // run of members, from "rule" (or "row", or a table's "source") up to the value, replaced by
    // "$ref":K, K its index in ExplanationTables::dictionary (compact_explanation.hpp).
    std::vector<std::string> compact_heads, compact_attempts;
    std::string compact_whole;
};

struct ExplanationTables {
    // By Expr::id. The text as written of every condition a decision can show (not the inside of an
    // `and` or `or` chain) and of every name or field path; empty for other expressions. The same,
    // encoded as JSON (a path as a key with its colon): never empty where there is a text.
    std::vector<std::string> texts;
    std::vector<std::string> paths;
    std::vector<std::string> encoded_texts;
    std::vector<std::string> encoded_path_keys;
    // By Citation::id: a present citation's text encoded as JSON (empty when absent).
    std::vector<std::string> encoded_citations;
    std::vector<std::vector<std::string>> encoded_members;  // by enum, by member index
    std::vector<std::vector<std::string>> encoded_fields;   // by record, by field index: "\"name\":"
    std::vector<std::string> encoded_output_keys;           // by field of the output: "\"name\":"
    std::string encoded_ruleset;                            // {"name":…,"version":…,"digest":…}

    // What an explanation lists as read, in order and without repeats (index_explanations.cpp):
    // by definition slot and row, the facts its entry reads (a let: row 0; a first-match row: its
    // condition's, then its value's; a collect row: its condition's); and by Expr::id, each part of
    // a first-match condition that can be the reason its row did not apply.
    std::vector<ReadSite> read_sites;
    std::vector<std::vector<ReadSites>> entry_reads;
    std::vector<FailedPart> failed_parts;
    std::vector<ExplainedDefinition> explained;  // by slot
    // The fixed runs of members a compact explanation refers to, by "$ref" number, each once: what
    // `frontdoor explain-dictionary` prints and expand_compact puts back.
    std::vector<std::string> dictionary;

    bool has_text(const dsl::ast::Expr& expr) const {
        return !encoded_texts[static_cast<std::size_t>(expr.id)].empty();
    }
};

}  // namespace frontdoor::engine
