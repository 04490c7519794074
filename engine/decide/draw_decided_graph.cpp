// draw_decided_graph(): decides an input with a trace and draws the map of the decision graph with
// the path it took (engine/graph/map_decision_graph.hpp).
#include "engine/decide/decide.hpp"
#include "engine/graph/map_decision_graph.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/graph.hpp"

namespace frontdoor {

DrawnGraph draw_decided_graph(const Pack& pack, GraphFormat format, std::string_view input_json) {
    const engine::CompiledPack& compiled = PackAccess::compiled(pack);
    DrawnGraph out;
    engine::Value input;
    engine::Trace trace;
    engine::DecideResult decided = engine::read_and_decide(compiled, input_json, input, &trace);
    if (decided.refusal) {
        out.refused = true;
        out.path = decided.refusal->path;
        out.message = decided.refusal->message;
        return out;
    }
    out.text = engine::draw_map(engine::map_decision_graph(compiled, &trace), format);
    return out;
}

}  // namespace frontdoor
