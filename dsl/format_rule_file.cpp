// format_rule_file: the public face of dsl::format_rules.
#include "dsl/format_pack.hpp"
#include "frontdoor/format.hpp"

#include <utility>

namespace frontdoor {

FormattedRules format_rule_file(const std::string& file, std::string text) {
    dsl::Formatted formatted = dsl::format_rules(dsl::Source(file, std::move(text)));
    return {std::move(formatted.text), std::move(formatted.diagnostics)};
}

}  // namespace frontdoor
