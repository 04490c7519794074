#pragma once
// Read, refuse, decide: the one sequence behind every face that decides an input (Pack::read and
// Pack::decide for eval and the library, a pack's scenarios, a walkthrough), so that a refusal
// reads the same, path and message, whichever face shows it. Records a trace when `trace` is not
// null (the explanation is written from it).
#include "engine/evaluate/decision_arena.hpp"
#include "engine/evaluate/trace.hpp"
#include "engine/explain/explain.hpp"
#include "engine/input/read_input.hpp"
#include "engine/load/compiled_pack.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::engine {

// The decision as JSON, or the input's refusal and no JSON: from reading it, from a refusal rule, or
// from deciding it (a working day beyond its calendar's holiday data, refused_for_holiday_data; a
// number out of range; memory).
struct DecideResult {
    std::string json;
    std::optional<InputRefusal> refusal;
};

// Reads `text` against the declared input (read_input) into `input` and applies the pack's refusal
// rules (apply_refusals): the first refusal, or nothing when `input` may be decided. A process out
// of memory refuses this input by name (path "") instead of ending a batch. With an arena, `input`
// may be made in it (read_input): it is then valid until the arena's next reset().
std::optional<InputRefusal> read_and_refuse(const CompiledPack& pack, std::string_view text, Value& input,
                                            DecisionArena* arena = nullptr);

// How a decision is made: with a trace (the explanation is written from it, in `form`) or without,
// and with an arena for the values it makes (DecisionArena: none of them may outlive its next
// reset(), the trace's included) or with the values shared on the heap (null), for a caller that
// keeps the trace after the decision.
struct DecideWith {
    Trace* trace = nullptr;
    ExplanationForm form = ExplanationForm::full;
    DecisionArena* arena = nullptr;
};

// Decides an input read_and_refuse accepted into `result`: its JSON is written into result.json,
// emptied first and its memory kept (a caller that reuses one result allocates nothing for it).
void decide_value(const CompiledPack& pack, const Value& input, const DecideWith& with, DecideResult& result);

// read_and_refuse, then decide_value: `input` keeps what was read (a walkthrough narrates from it).
DecideResult read_and_decide(const CompiledPack& pack, std::string_view text, Value& input, Trace* trace,
                             ExplanationForm form = ExplanationForm::full);

}  // namespace frontdoor::engine
