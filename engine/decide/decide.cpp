// Read, refuse, decide (engine/decide/decide.hpp): parse the JSON, read it against the declared
// input, apply the refusals, evaluate the output fields, and write the decision with its ruleset
// and explanation; and Pack::read and Pack::decide on top of them.
#include "engine/decide/decide.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/explain/explain.hpp"
#include "engine/explain/out_of_range.hpp"
#include "engine/explain/render_value.hpp"
#include "engine/input/read_input.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <new>

namespace frontdoor {

namespace {

// Running out of memory on one input refuses that input, by name, and the caller goes on with the
// next: never a batch cut short as if it had ended. (Inputs are bounded by InputLimits, so this is
// a process short of memory, not an input too large.)
constexpr const char* out_of_memory = "there was not enough memory to read and decide this input; it was not decided";

Decided to_decided(engine::DecideResult&& decided) {
    Decided result;
    if (decided.refusal) {
        result.refused = true;
        result.path = std::move(decided.refusal->path);
        result.message = std::move(decided.refusal->message);
    }
    result.json = std::move(decided.json);
    return result;
}

// What a caller sees when the engine itself failed on an input. The exception's text names a rule
// or an operation, never the input's contents.
std::string internal_error(const std::exception& bug) {
    return std::string("internal error in Frontdoor, this input was not decided (please report it): ") + bug.what();
}

// Runs one decision with this thread's trace (emptied before and after, keeping its memory, so that
// recording an explanation allocates nothing once it has grown). A broken engine (an
// EvaluationError, an invalid_argument from deep inside) gives the caller a refusal that says so,
// never an exception and never a decision.
template <class Decide>
Decided decide_guarded(const DecideOptions& options, Decide&& decide) {
    thread_local engine::Trace trace;
    trace.clear();  // in case the last decision on this thread ended in an exception
    engine::DecideResult decided;
    try {
        decided = decide(options.explain ? &trace : nullptr);
    } catch (const std::bad_alloc&) {
        decided = engine::DecideResult{{}, engine::InputRefusal{"", out_of_memory}};
    } catch (const std::exception& bug) {
        decided = engine::DecideResult{{}, engine::InputRefusal{"", internal_error(bug)}};
    }
    trace.clear();
    return to_decided(std::move(decided));
}

engine::ExplanationForm explanation_form(const DecideOptions& options) {
    return options.compact_explanation ? engine::ExplanationForm::compact : engine::ExplanationForm::full;
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
    engine::Value input;
    return decide_guarded(options, [&](engine::Trace* trace) {
        return engine::read_and_decide(*impl_, json_text, input, trace, explanation_form(options));
    });
}

Decided Pack::decide(const Input& input, const DecideOptions& options) const {
    return decide_guarded(options, [&](engine::Trace* trace) {
        return engine::decide_value(*impl_, input.data_->value, trace, explanation_form(options));
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

std::string decision_json(const CompiledPack& pack, const Value& input, Trace* trace, ExplanationForm form) {
    prefetch_input(input);
    std::string json;
    json.reserve(trace ? 8192 : 512);  // an explanation runs to kilobytes: written without regrowing
    if (trace) trace->entries.reserve(pack.checked->definitions.size() + 16);
    Evaluation evaluation(pack, input, trace);
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
        write_explanation(out, pack, *trace, form);
    }
    out.end_object();
    return json;
}

}  // namespace

std::optional<InputRefusal> read_and_refuse(const CompiledPack& pack, std::string_view text, Value& input) {
    try {
        auto refusal = read_input(pack, text, input);
        if (!refusal) refusal = apply_refusals(pack, input);
        return refusal;
    } catch (const std::bad_alloc&) {
        return InputRefusal{"", out_of_memory};
    }
}

DecideResult decide_value(const CompiledPack& pack, const Value& input, Trace* trace, ExplanationForm form) {
    DecideResult result;
    try {
        result.json = decision_json(pack, input, trace, form);
    } catch (const time::BeyondHolidayData& beyond) {
        // Never a deadline counted as if that year had no bank holidays.
        result.refusal = refused_for_holiday_data(beyond);
    } catch (const OutOfRange& out_of_range) {
        // Never a wrapped number or a five-digit year in a decision.
        result.refusal = refused_for_out_of_range(pack, out_of_range);
    } catch (const std::bad_alloc&) {
        result = DecideResult{{}, InputRefusal{"", out_of_memory}};
    }
    return result;
}

DecideResult read_and_decide(const CompiledPack& pack, std::string_view text, Value& input, Trace* trace,
                             ExplanationForm form) {
    if (auto refusal = read_and_refuse(pack, text, input)) return DecideResult{{}, std::move(refusal)};
    return decide_value(pack, input, trace, form);
}

}  // namespace frontdoor::engine
