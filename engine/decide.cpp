// Pack::decide: parse the JSON, read it against the declared input, apply the refusals, evaluate
// the output fields, and write the decision with its ruleset and explanation.
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/read_input.hpp"
#include "engine/render_value.hpp"
#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor {

Decided Pack::decide(std::string_view json_text, const DecideOptions& options) const {
    const engine::CompiledPack& pack = *impl_;
    Decided result;
    nlohmann::json document = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded()) {
        result.refused = true;
        result.message = "not valid JSON";
        try {
            nlohmann::json again = nlohmann::json::parse(json_text.begin(), json_text.end());
        } catch (const nlohmann::json::parse_error& error) {
            result.message = "not valid JSON: the text breaks off or has an error at byte " + std::to_string(error.byte);
        }
        return result;
    }
    engine::Value input;
    auto refusal = engine::read_input(pack, document, input);
    if (!refusal) refusal = engine::apply_refusals(pack, input);
    if (refusal) {
        result.refused = true;
        result.path = refusal->path;
        result.message = refusal->message;
        return result;
    }
    engine::Trace trace;
    engine::Evaluation evaluation(pack, std::move(input), options.explain ? &trace : nullptr);
    engine::JsonWriter out(result.json);
    out.begin_object();
    for (const auto& field : pack.checked->syntax.outputs.front().fields) {
        out.key(field.name);
        engine::write_value(out, *pack.checked, evaluation.eval(*field.value), field.value->type);
    }
    out.key("ruleset");
    out.begin_object();
    out.key("name");
    out.string(pack.name);
    out.key("version");
    out.string(pack.version);
    out.key("digest");
    out.string(pack.digest);
    out.end_object();
    if (options.explain) {
        out.key("explanation");
        engine::write_explanation(out, pack, trace);
    }
    out.end_object();
    return result;
}

}  // namespace frontdoor
