// Pack::decide: parse the JSON, read it against the declared input, apply the refusals, evaluate
// the output fields, and write the decision with its ruleset and explanation.
#include "engine/decide_value.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/read_input.hpp"
#include "engine/render_value.hpp"
#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor {

ReadResult Pack::read(std::string_view json_text) const {
    const engine::CompiledPack& pack = *impl_;
    ReadResult result;
    auto value = std::make_shared<engine::Value>();
    auto refusal = engine::read_input(pack, json_text, *value);
    try {
        if (!refusal) refusal = engine::apply_refusals(pack, *value);
    } catch (const time::BeyondHolidayData& beyond) {
        refusal = engine::InputRefusal{"", beyond.what(), -1};
    }
    if (refusal) {
        result.path = refusal->path;
        result.message = refusal->message;
        return result;
    }
    result.input = Input{std::move(value)};
    return result;
}

Decided Pack::decide(std::string_view json_text, const DecideOptions& options) const {
    ReadResult read_result = read(json_text);
    if (!read_result.input) {
        Decided result;
        result.refused = true;
        result.path = std::move(read_result.path);
        result.message = std::move(read_result.message);
        return result;
    }
    return decide(*read_result.input, options);
}

Decided Pack::decide(const Input& input, const DecideOptions& options) const {
    Decided result;
    engine::Trace trace;
    try {
        result.json = engine::decide_value(*impl_, *input.value, options.explain ? &trace : nullptr);
    } catch (const time::BeyondHolidayData& beyond) {
        // Deciding needs a working day that the holiday data does not cover: a refusal of the
        // whole contact, never a deadline counted as if that year had no bank holidays.
        result.refused = true;
        result.message = beyond.what();
    }
    return result;
}

}  // namespace frontdoor

namespace frontdoor::engine {

std::string decide_value(const CompiledPack& pack, const Value& input, Trace* trace) {
    std::string json;
    json.reserve(trace ? 4096 : 512);
    Evaluation evaluation(pack, input, trace);
    JsonWriter out(json);
    out.begin_object();
    for (const auto& field : pack.checked->syntax.outputs.front().fields) {
        out.raw_key(pack.encoded_of(&field));
        write_value(out, pack, evaluation.eval(*field.value), field.value->type);
    }
    out.raw_key("\"ruleset\":");
    out.raw(pack.encoded_ruleset);
    if (trace) {
        out.key("explanation");
        write_explanation(out, pack, *trace);
    }
    out.end_object();
    return json;
}

}  // namespace frontdoor::engine
