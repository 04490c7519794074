// Pack::explanation_dictionary and Pack::expand_explanation: the compact explanation's dictionary
// as a document, and a compact decision put back in full (engine/explain/compact_explanation.hpp).
#include "engine/explain/compact_explanation.hpp"
#include "engine/json/json_members.hpp"
#include "engine/load/pack_access.hpp"

#include <stdexcept>

namespace frontdoor {

// "$ref" is never a key of a full decision (no name of a pack starts with '$'), and inside a JSON
// string its quotes would be escaped: finding the key is knowing the form.
bool has_compact_explanation(std::string_view decision) {
    return decision.find(R"("$ref":)") != std::string_view::npos;
}

std::string Pack::explanation_dictionary() const {
    return engine::dictionary_json(PackAccess::compiled(*this).explanation);
}

std::string Pack::expand_explanation(std::string_view decision) const {
    auto ruleset = records::find_member(decision, "ruleset");
    auto digest = ruleset ? records::find_member(*ruleset, "digest") : std::nullopt;
    if (!digest) throw std::invalid_argument("not a decision: it has no ruleset with a digest");
    if (records::unquote(*digest) != this->digest())
        throw std::invalid_argument("the decision was made by pack " + records::unquote(*digest) + ", not by " +
                                    this->digest() + ": expand it with the pack that made it");
    return engine::expand_compact(decision, PackAccess::compiled(*this).explanation.dictionary);
}

}  // namespace frontdoor
