#pragma once
// Reads a JSON input against the pack's declared input record: every field is checked (unknown
// fields at any depth, types, enum values, times with offsets, real dates, patterns, lengths,
// list sizes, uniqueness), defaults are applied only to fields that were left out, and the first
// problem is reported with its JSON pointer. Then the pack's own refusal rules run.
#include "engine/evaluate/value.hpp"
#include "engine/json/json_document.hpp"
#include "engine/load/compiled_pack.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace frontdoor::engine {

struct InputRefusal {
    std::string path;  // JSON pointer, "" for the whole document
    std::string message;
    int rule = -1;  // the pack's refusal rule that fired; -1 for a declaration check
};

// Reads `text` against the declared input: in one pass (read_in_one_pass.hpp) when it can, and
// otherwise, for every refusal and everything unusual, with read_input_two_pass, whose answer it is.
// With an arena, an input read in one pass is made in it (valid until its next reset()); the
// two-pass reader's inputs are always on the heap.
std::optional<InputRefusal> read_input(const CompiledPack& pack, std::string_view text, Value& out,
                                       DecisionArena* arena = nullptr);
// Parses `text` strictly (see json_document.hpp), then reads the document against the declared
// input. The one reader of refusals; tests and the differential fuzz target call it directly.
std::optional<InputRefusal> read_input_two_pass(const CompiledPack& pack, std::string_view text, Value& out);
// The pack's `refuse` rules, in order; the first that holds is reported. A rule that needs a working
// day beyond the holiday data refuses the input as refused_for_holiday_data says.
std::optional<InputRefusal> apply_refusals(const CompiledPack& pack, const Value& input);
// The refusal of a whole input whose evaluation needed a working day beyond its calendar's holiday
// data (time::BeyondHolidayData): path "", the calendar's message. The one place that turns the
// calendar's refusal into a refusal of the contact.
InputRefusal refused_for_holiday_data(const time::BeyondHolidayData& beyond);

}  // namespace frontdoor::engine
