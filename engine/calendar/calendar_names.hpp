#pragma once
// English month and weekday names shared by the calendar sources. Sentences for refusals and
// descriptions are always English, whatever the machine's locale says.
#include <array>
#include <string_view>

namespace frontdoor::time::detail {

inline constexpr std::array<std::string_view, 12> month_names = {"January",   "February", "March",    "April",
                                                                 "May",       "June",     "July",     "August",
                                                                 "September", "October",  "November", "December"};

// Indexed by ISO weekday - 1, so Monday comes first.
inline constexpr std::array<std::string_view, 7> weekday_names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                                  "Friday", "Saturday", "Sunday"};

}  // namespace frontdoor::time::detail
