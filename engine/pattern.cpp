#include "engine/pattern.hpp"

#include "dsl/compile_pattern.hpp"

namespace frontdoor::engine {

Pattern::Pattern(const std::string& source) {
    dsl::CompiledPattern compiled = dsl::compile_pattern(source);
    if (!compiled.regex) throw std::invalid_argument("the pattern \"" + source + "\" is refused: " + compiled.problem);
    regex_ = std::move(compiled.regex);
}

bool Pattern::search(std::string_view text) const { return dsl::pattern_search(*regex_, text); }

}  // namespace frontdoor::engine
