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
    nlohmann::json document = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded()) {
        result.message = "not valid JSON";
        try {
            nlohmann::json again = nlohmann::json::parse(json_text.begin(), json_text.end());
        } catch (const nlohmann::json::parse_error& error) {
            result.message = "not valid JSON: the text breaks off or has an error at byte " + std::to_string(error.byte);
        } catch (const nlohmann::json::exception&) {
            // nlohmann reports a number beyond a double's range (1e400) as out_of_range.
            result.message = "not valid JSON: a number is too large";
        }
        return result;
    }
    auto value = std::make_shared<engine::Value>();
    auto refusal = engine::read_input(pack, document, *value);
    if (!refusal) refusal = engine::apply_refusals(pack, *value);
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
    result.json = engine::decide_value(*impl_, *input.value, options.explain ? &trace : nullptr);
    return result;
}

}  // namespace frontdoor

namespace frontdoor::engine {

std::string decide_value(const CompiledPack& pack, const Value& input, Trace* trace) {
    std::string json;
    Evaluation evaluation(pack, input, trace);
    JsonWriter out(json);
    out.begin_object();
    for (const auto& field : pack.checked->syntax.outputs.front().fields) {
        out.key(field.name);
        write_value(out, *pack.checked, evaluation.eval(*field.value), field.value->type);
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
    if (trace) {
        out.key("explanation");
        write_explanation(out, pack, *trace);
    }
    out.end_object();
    return json;
}

}  // namespace frontdoor::engine
