// The --from/--to bounds of a record filter: UTC dates and times that exist on the calendar, the
// first no later than the second. A bound is compared as text with the start of recorded_at, so
// one that is not a real date or time would silently select the wrong records.
#include "engine/records/time_bounds.hpp"

#include "engine/calendar/civil_time.hpp"

#include <regex>

namespace frontdoor {

namespace {

const char* const expected =
    "expected a UTC date or time, 2024-05-01 or 2024-05-01T09:00 (seconds and milliseconds may follow, "
    "and a closing Z), with no other offset";

// Why `bound` is not a UTC date or time that exists, or "".
std::string bound_problem(const std::string& name, const std::string& bound) {
    static const std::regex utc(R"((\d{4}-\d{2}-\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,3})?)?[Zz]?)?)");
    std::smatch parts;
    std::string intro = "the bound '" + name + "' is \"" + bound + "\"";
    if (!std::regex_match(bound, parts, utc)) return intro + ": " + expected;
    std::string why;
    if (!time::parse_date(parts.str(1), &why)) return intro + ": " + why;
    if (parts[2].matched && std::stoi(parts.str(3)) > 23) return intro + ": it is not a time: hours run from 00 to 23";
    if (parts[2].matched && std::stoi(parts.str(4)) > 59)
        return intro + ": it is not a time: minutes run from 00 to 59";
    if (parts[5].matched && std::stoi(parts.str(6)) > 59)
        return intro + ": it is not a time: seconds run from 00 to 59";
    return "";
}

}  // namespace

std::string time_bounds_problem(const RecordFilter& filter) {
    for (const auto& [name, bound] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}})
        if (!bound->empty())
            if (std::string problem = bound_problem(name, *bound); !problem.empty()) return problem;
    if (filter.from.empty() || filter.to.empty()) return "";
    // `to` takes in the whole of its last unit, so the span is empty only when `from`, cut to the
    // length of `to`, is later: from 2024-05-01T10:00 to 2024-05-01 is the rest of that day.
    RecordFilter compared = records::without_utc_mark(filter);
    if (compared.from.substr(0, compared.to.size()) <= compared.to) return "";
    return "the bound 'from' (" + filter.from + ") is later than the bound 'to' (" + filter.to +
           "): no record can be in that span";
}

namespace records {

RecordFilter without_utc_mark(RecordFilter filter) {
    for (std::string* bound : {&filter.from, &filter.to})
        if (!bound->empty() && (bound->back() == 'Z' || bound->back() == 'z')) bound->pop_back();
    return filter;
}

}  // namespace records

}  // namespace frontdoor
