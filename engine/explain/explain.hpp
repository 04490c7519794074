#pragma once
// Turns an evaluation's trace into the decision's "explanation": every definition and row that
// decided the outcome, with its citation, the facts it read, and for first-match decisions why each
// earlier row did not apply.
#include "engine/evaluate/trace.hpp"
#include "engine/json/json_writer.hpp"
#include "engine/load/compiled_pack.hpp"

#include <cstdint>
#include <string>

namespace frontdoor::engine {

// How an explanation is written: in full (the decision schema's), or compact, each entry's fixed
// members as a "$ref" into the pack's dictionary (compact_explanation.hpp).
enum class ExplanationForm : std::uint8_t { full, compact };

void write_explanation(JsonWriter& out, const CompiledPack& pack, const Trace& trace,
                       ExplanationForm form = ExplanationForm::full);
// The text of an expression as written in the rule file (its span), on one line: comments
// dropped, each run of white space between tokens one space, texts exactly as written.
std::string expression_text(const dsl::CheckedPack& pack, const dsl::ast::Expr& expr);
// The same, worked out at load for the conditions an explanation shows (index_texts in
// fold_constants.cpp, ExplanationTables::texts); any other expression has none, and asking for it
// throws std::out_of_range.
const std::string& expression_text(const CompiledPack& pack, const dsl::ast::Expr& expr);
// "result, row 3" / "level" / "rate(\"high\")"
std::string rule_name(const CompiledPack& pack, const TraceEntry& entry);
// How reports other than the explanation's "rule" call a decision's row: "result, row call_police"
// for a row named in the rule file, which stays the same when rows are inserted above it, and
// "result, row 3" for one known only by its position.
std::string row_label(const CompiledPack& pack, int definition, int row);
// A table entry's rule name, rate("high"), appended to `out`.
void append_table_rule(std::string& out, const CompiledPack& pack, const TraceEntry& entry);
const dsl::ast::Citation* citation_of(const CompiledPack& pack, int definition, int row);
// Works out at load what explaining needs (engine/load/index_explanations.cpp, into
// CompiledPack::explanation); after fold_constants.
void index_explanations(CompiledPack& pack);
// The fixed JSON of an explanation's entries, encoded at load for ExplainedDefinition and completed
// by write_explanation: a definition's entry (or a row's) up to its value, `{"rule":…,"source":…,
// "when":…,"value":` (a table's from "source" on); a whole entry of a definition that does not depend
// on the input (after its heads[0]); a row that did not apply, up to `"failed":`.
std::string encode_entry_head(const CompiledPack& pack, int slot, int row, const dsl::ast::Expr* condition);
std::string encode_constant_entry(const CompiledPack& pack, int slot, const Value& value);
std::string encode_attempt_head(const CompiledPack& pack, int row, const dsl::ast::Row& syntax);

}  // namespace frontdoor::engine
