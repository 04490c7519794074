#pragma once
// One contact decided by two packs, compared as an impact report compares it (frontdoor/replay.hpp):
// the pack's own fields (every member but "ruleset" and "explanation") and whether either side
// refused. For a face that sees both answers already, e.g. the service's shadow mode, which
// decides each live request with a candidate pack too and counts where the two differ.
#include "frontdoor/frontdoor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace frontdoor {

struct DecisionDifference {
    bool differs = false;  // a pack field differs, or one side refused and the other did not
    // The outcome on each side, as in OutcomeTransition: the "outcome" field's "code" when it is
    // an object with one, else the field as raw JSON ("null" when absent); a JSON string is given
    // without its quotes. "refused" for a refused side.
    std::string outcome_before, outcome_after;
    std::optional<std::string> contact_id;  // the decision's "contact_id" field, from either side
    std::vector<std::string> fields;        // names of the fields that differ (none when a side refused)
};

// Compares `before` and `after`, the same input decided by two packs. Thread-safe; throws only
// std::bad_alloc.
DecisionDifference compare_decided(const Decided& before, const Decided& after);

}  // namespace frontdoor
