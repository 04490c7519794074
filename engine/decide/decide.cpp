// Read, refuse, decide (engine/decide/decide.hpp): parse the JSON, read it against the declared
// input, apply the refusals, evaluate the output fields, and write the decision with its ruleset
// and explanation; and Pack::read and Pack::decide on top of them.
#include "engine/decide/decide.hpp"
#include "engine/evaluate/decision_arena.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/explain/explain.hpp"
#include "engine/explain/out_of_range.hpp"
#include "engine/explain/render_value.hpp"
#include "engine/input/read_input.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <algorithm>
#include <new>

namespace frontdoor {

namespace {

// Running out of memory on one input refuses that input, by name, and the caller goes on with the
// next: never a batch cut short as if it had ended. (Inputs are bounded by InputLimits, so this is
// a process short of memory, not an input too large.)
constexpr const char* out_of_memory = "there was not enough memory to read and decide this input; it was not decided";

// The caller's `out` takes the result: its strings are assigned, keeping their memory.
void take_result(engine::DecideResult& decided, Decided& out) {
    out.refused = decided.refusal.has_value();
    if (decided.refusal) {
        out.path = std::move(decided.refusal->path);
        out.message = std::move(decided.refusal->message);
    } else {
        out.path.clear();
        out.message.clear();
    }
    out.json = std::move(decided.json);
}

// What a caller sees when the engine itself failed on an input. The exception's text names a rule
// or an operation, never the input's contents.
std::string internal_error(const std::exception& bug) {
    return std::string("internal error in Frontdoor, this input was not decided (please report it): ") + bug.what();
}

engine::ExplanationForm explanation_form(const DecideOptions& options) {
    return options.compact_explanation ? engine::ExplanationForm::compact : engine::ExplanationForm::full;
}

// What a thread keeps for deciding: the trace an explanation is written from and the arena for a
// decision's values, both emptied after each decision and their memory kept, so that a decision
// allocates nothing once the thread has made a few (the trace's arrays and the arena's blocks have
// grown to what the pack needs).
struct DecidingMemory {
    engine::Trace trace;
    engine::DecisionArena arena;
    void clear() {
        trace.clear();
        arena.reset();
    }
};

// Runs one decision into `out` (its JSON written into out.json's memory) with this thread's trace
// and arena, emptied before (in case the last decision on this thread ended in an exception) and
// after. A broken engine (an EvaluationError, an invalid_argument from deep inside) gives the caller
// a refusal that says so, never an exception and never a decision.
template <class Decide>
void decide_guarded(const DecideOptions& options, Decided& out, Decide&& decide) {
    thread_local DecidingMemory memory;
    memory.clear();
    engine::DecideResult decided;
    decided.json = std::move(out.json);
    engine::DecideWith with{options.explain ? &memory.trace : nullptr, explanation_form(options), &memory.arena};
    try {
        decide(with, decided);
    } catch (const std::bad_alloc&) {
        decided.refusal = engine::InputRefusal{"", out_of_memory};
    } catch (const std::exception& bug) {
        decided.refusal = engine::InputRefusal{"", internal_error(bug)};
    }
    if (decided.refusal) decided.json.clear();
    memory.clear();
    take_result(decided, out);
}

}  // namespace

ReadResult Pack::read(std::string_view json_text) const {
    ReadResult result;
    try {
        auto data = std::make_shared<InputData>();
        if (auto refusal = engine::read_and_refuse(*impl_, json_text, data->value))
            return ReadResult{std::nullopt, std::move(refusal->path), std::move(refusal->message)};
        result.input = Input(std::move(data));
    } catch (const std::bad_alloc&) {
        result = ReadResult{std::nullopt, "", out_of_memory};
    }
    return result;
}

Decided Pack::decide(std::string_view json_text, const DecideOptions& options) const {
    Decided decided;
    decide_into(json_text, decided, options);
    return decided;
}

Decided Pack::decide(const Input& input, const DecideOptions& options) const {
    Decided decided;
    decide_into(input, decided, options);
    return decided;
}

void Pack::decide_into(std::string_view json_text, Decided& decided, const DecideOptions& options) const {
    // Read into the decision's arena: the input lives exactly as long as its decision, and reading
    // it takes nothing from the heap either. (Its handle outlives the arena's reset, owning nothing.)
    engine::Value input;
    decide_guarded(options, decided, [&](const engine::DecideWith& with, engine::DecideResult& result) {
        if (auto refusal = engine::read_and_refuse(*impl_, json_text, input, with.arena)) {
            result.refusal = std::move(refusal);
            return;
        }
        engine::decide_value(*impl_, input, with, result);
    });
}

void Pack::decide_into(const Input& input, Decided& decided, const DecideOptions& options) const {
    decide_guarded(options, decided, [&](const engine::DecideWith& with, engine::DecideResult& result) {
        engine::decide_value(*impl_, input.data_->value, with, result);
    });
}

}  // namespace frontdoor

namespace frontdoor::engine {

namespace {

// An input read long before is no longer in the cache, and its values are reached through one
// another (a record, then a list in it, then a text in that): loading them one at a time costs a
// miss after each miss. Starting the loads of its first three levels at once overlaps the misses.
void prefetch_input(const Value& input) {
    prefetch_payload(input);
    for (const Value& field : input.elements()) prefetch_payload(field);
    for (const Value& field : input.elements())
        if (field.kind == Value::Kind::record || field.kind == Value::Kind::list)
            for (const Value& item : field.elements()) prefetch_payload(item);
}

void write_decision(const CompiledPack& pack, const Value& input, const DecideWith& with, std::string& json) {
    Trace* trace = with.trace;
    prefetch_input(input);
    // Room for the longest decision of this kind this thread has written (an explanation runs to
    // kilobytes), up to 64 KiB: a new string takes one allocation, not a regrowth, and a reused one
    // none. (Beyond 64 KiB it regrows: one huge decision must not make every later one reserve it.)
    thread_local std::size_t longest[2] = {512, 8192};
    std::size_t& room = longest[trace ? 1 : 0];
    json.clear();
    json.reserve(room);
    if (trace) trace->entries.reserve(pack.checked->definitions.size() + 16);
    Evaluation evaluation(pack, input, trace, with.arena);
    JsonWriter out(json);
    out.begin_object();
    const auto& fields = pack.checked->syntax.outputs.front().fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& field = fields[i];
        out.raw_key(pack.explanation.encoded_output_keys[i]);
        Scratch scratch;
        write_value(out, pack, evaluation.operand(*field.value, scratch), field.value->type);
    }
    out.raw_key("\"ruleset\":");
    out.raw(pack.explanation.encoded_ruleset);
    if (trace) {
        out.key("explanation");
        write_explanation(out, pack, *trace, with.form);
    }
    out.end_object();
    if (json.size() > room) room = std::min(json.size(), std::size_t{64} << 10);
}

}  // namespace

std::optional<InputRefusal> read_and_refuse(const CompiledPack& pack, std::string_view text, Value& input,
                                            DecisionArena* arena) {
    try {
        auto refusal = read_input(pack, text, input, arena);
        if (!refusal) refusal = apply_refusals(pack, input);
        return refusal;
    } catch (const std::bad_alloc&) {
        return InputRefusal{"", out_of_memory};
    }
}

void decide_value(const CompiledPack& pack, const Value& input, const DecideWith& with, DecideResult& result) {
    result.refusal.reset();
    try {
        write_decision(pack, input, with, result.json);
        return;
    } catch (const time::BeyondHolidayData& beyond) {
        // Never a deadline counted as if that year had no bank holidays.
        result.refusal = refused_for_holiday_data(beyond);
    } catch (const OutOfRange& out_of_range) {
        // Never a wrapped number or a five-digit year in a decision.
        result.refusal = refused_for_out_of_range(pack, out_of_range);
    } catch (const std::bad_alloc&) {
        result.refusal = InputRefusal{"", out_of_memory};
    }
    result.json.clear();  // a refusal has no JSON, and none of a decision cut short
}

DecideResult read_and_decide(const CompiledPack& pack, std::string_view text, Value& input, Trace* trace,
                             ExplanationForm form) {
    DecideResult result;
    if (auto refusal = read_and_refuse(pack, text, input)) {
        result.refusal = std::move(refusal);
        return result;
    }
    decide_value(pack, input, DecideWith{trace, form, nullptr}, result);
    return result;
}

}  // namespace frontdoor::engine
