#pragma once
// The time bounds of a record filter as a backend compares them (check_time_bounds.cpp).
#include "frontdoor/records.hpp"

namespace frontdoor::records {

// Times of recording are all UTC and stored as "2024-05-01T09:30:00.123Z"; the bounds are
// compared with their start. A bound written with a closing "Z" (2024-05-01T09:30Z) means the same
// time, but compared as text its 'Z' sorts after every digit, ':' and '.', so that `from` would
// leave out the records of its own minute (or second): the filter comes back without it.
RecordFilter without_utc_mark(RecordFilter filter);

}  // namespace frontdoor::records
