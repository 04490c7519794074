#pragma once
// The parts of two JSON values that differ, named by path, so that a report can show exactly what
// changed in a decision field however long the field is: a changed deadline among five, a flag
// added to a list.
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::records {

// One line per difference, in the order the values are written, each "PATH: BEFORE -> AFTER" with
// PATH from `path` by ".member" and "[index]" (before's index; after's for an added item):
//     deadlines[2].due_at: "2024-05-02T09:00:00+01:00" -> "2024-05-01T21:00:00+01:00"
//     flags[1]: added "needs_interpreter"
//     flags[0]: removed "late_referral"
//     consent: (absent) -> "not_needed"
// A list is aligned by its longest common run of equal items, so an item added or removed is
// shown whole and the others are not shown at all; an item that changed in place is diffed
// inside. An empty value is an absent one. An empty `path` gives "BEFORE -> AFTER" for two
// different plain values. Values are the raw JSON the engine wrote: equal values are equal bytes,
// and two texts that differ only in layout or member order are shown whole.
std::vector<std::string> diff_json_values(const std::string& path, std::string_view before, std::string_view after);

}  // namespace frontdoor::records
