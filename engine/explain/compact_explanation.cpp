// The compact explanation's dictionary, built at load, and its expansion back to the full bytes.
#include "engine/explain/compact_explanation.hpp"

#include <stdexcept>

namespace frontdoor::engine {

namespace {

constexpr std::string_view ref_key = R"("$ref":)";

// The keys a fixed run stops before: what the decision adds at run time.
constexpr std::string_view run_ends[] = {R"(,"value":)", R"(,"adds":)", R"(,"failed":)"};

}  // namespace

std::string CompactDictionaryBuilder::reference(std::string_view members) {
    auto [found, added] = index_.try_emplace(std::string(members), dictionary_.size());
    if (added) dictionary_.emplace_back(members);
    return std::string(ref_key) + std::to_string(found->second);
}

std::string CompactDictionaryBuilder::compact(std::string_view full) {
    if (full.size() > 2 && full.front() == '{' && full.back() == '}')  // a constant's whole entry
        return "{" + reference(full.substr(1, full.size() - 2)) + "}";
    for (std::string_view end : run_ends) {
        if (full.size() <= end.size() || full.substr(full.size() - end.size()) != end) continue;
        std::size_t open = full.front() == '{' ? 1 : 0;  // a table's head starts at "source", after its rule
        return std::string(full.substr(0, open)) + reference(full.substr(open, full.size() - end.size() - open)) +
               std::string(end);
    }
    throw std::logic_error("an explanation's fixed text has no shape a compact one can take: " + std::string(full));
}

std::string expand_compact(std::string_view decision, const std::vector<std::string>& dictionary) {
    std::string out;
    out.reserve(decision.size() * 2);
    std::size_t at = 0;
    while (at < decision.size()) {
        std::size_t quote = decision.find('"', at);
        if (quote == std::string_view::npos) {
            out += decision.substr(at);
            break;
        }
        out += decision.substr(at, quote - at);
        std::size_t end = quote + 1;  // the string's closing quote
        while (end < decision.size() && decision[end] != '"') end += decision[end] == '\\' ? 2 : 1;
        if (end >= decision.size())
            throw std::invalid_argument("a string that does not end, at byte " + std::to_string(quote + 1));
        if (decision.substr(quote, end + 2 - quote) != ref_key) {
            out += decision.substr(quote, end + 1 - quote);
            at = end + 1;
            continue;
        }
        std::size_t digits = quote + ref_key.size(), stop = digits;
        std::size_t k = 0;
        while (stop < decision.size() && stop - digits < 9 && decision[stop] >= '0' && decision[stop] <= '9')
            k = k * 10 + static_cast<std::size_t>(decision[stop++] - '0');
        if (stop == digits || k >= dictionary.size())
            throw std::invalid_argument("\"$ref\" at byte " + std::to_string(quote + 1) +
                                        " is not an entry of this pack's explanation dictionary (it has " +
                                        std::to_string(dictionary.size()) + ")");
        out += dictionary[k];
        at = stop;
    }
    return out;
}

std::string dictionary_json(const ExplanationTables& tables) {
    std::string out =
        R"({"ruleset":)" + tables.encoded_ruleset + R"(,"format":"frontdoor-explain-dictionary/1","entries":[)";
    for (std::size_t k = 0; k < tables.dictionary.size(); ++k) {
        if (k > 0) out += ',';
        out += '{';
        out += tables.dictionary[k];
        out += '}';
    }
    out += "]}";
    return out;
}

}  // namespace frontdoor::engine
