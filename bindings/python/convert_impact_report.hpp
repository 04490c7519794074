#pragma once
// An impact report (frontdoor/replay.hpp) as plain tuples and back, so that a report assessed on a
// Dask worker pickles and travels to the client, which merges the parts (frontdoor::merge_impact)
// and renders the whole with the library's impact_text or impact_json. A translation only: the
// tuple holds every field of the report in declaration order.
#include "frontdoor/replay.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace frontdoor::python {

using PackTuple = std::tuple<std::string, std::string, std::string, std::size_t>;
using ChangeTuple = std::tuple<std::string, std::string, std::string, std::string>;
using ContactTuple =
    std::tuple<std::string, std::optional<std::string>, std::string, std::string, std::string, std::string,
               std::vector<ChangeTuple>, std::vector<ChangeTuple>, std::vector<ChangeTuple>>;
using CountTuple = std::tuple<std::string, std::string, std::size_t>;
using FieldTuple = std::tuple<std::string, std::size_t>;
using ReportTuple = std::tuple<std::vector<PackTuple>, PackTuple, bool, std::string, std::string, std::size_t,
                               std::size_t, std::size_t, std::size_t, std::vector<CountTuple>, std::vector<CountTuple>,
                               std::vector<FieldTuple>, std::vector<ContactTuple>>;

ReportTuple to_tuple(const ImpactReport& report);
ImpactReport from_tuple(const ReportTuple& tuple);

}  // namespace frontdoor::python
