// "a referrer has no field 'sorce'": the one message for a field read or given that the record does
// not declare, with the fields it does declare (the closest few, when there are many) and where
// to declare a new one, so that a policy lead can act on it without opening the record.
#include "dsl/checker.hpp"

#include <algorithm>

namespace frontdoor::dsl {

namespace {

// Past this many fields, only the closest few are listed.
constexpr std::size_t all_fields_listed = 8;
constexpr std::size_t closest_fields_listed = 5;

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

}  // namespace

void Checker::report_unknown_field(Span at, const RecordInfo& record, const std::string& field) {
    std::vector<std::string> names;
    for (const auto& f : record.fields) names.push_back(f.name);
    std::vector<std::string> notes;
    if (names.size() <= all_fields_listed) {
        notes.push_back("the fields of '" + record.name + "' are: " + joined(names));
    } else {
        std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
            return edit_distance(field, a) < edit_distance(field, b);
        });
        names.resize(closest_fields_listed);
        notes.push_back("the closest of the " + std::to_string(record.fields.size()) + " fields of '" + record.name +
                        "' are: " + joined(names));
    }
    for (const auto& decl : pack_.syntax.records) {
        if (decl.name != record.name) continue;
        const Source& source = pack_.sources[decl.span.file];
        LineColumn where = source.locate(decl.span.begin);
        notes.push_back("to add a field, declare it under 'record " + record.name + "' at " + source.name() + ":" +
                        std::to_string(where.line) + ":" + std::to_string(where.column));
    }
    diagnostics_.error(at, with_article(record.name) + " has no field '" + field + "'" + did_you_mean(field, names),
                       notes);
}

}  // namespace frontdoor::dsl
