#pragma once
// Writes runtime values as JSON, guided by their static types: enum members by name, dates as
// YYYY-MM-DD, times in the output calendar's zone, records by field name with absent fields left
// out, durations as words ("24 hours").
#include "engine/evaluate/value.hpp"
#include "engine/json/json_writer.hpp"
#include "engine/load/compiled_pack.hpp"

namespace frontdoor::engine {

void write_value(JsonWriter& out, const CompiledPack& pack, const Value& value, const dsl::TypeRef& type);
// "24 hours", "10 working days of office".
std::string describe_duration(const dsl::CheckedPack& pack, const Value& duration);
// The value as a short human phrase, for walkthroughs: "3", "form", "Saturday 30 March 2024 20:00".
std::string describe_value(const CompiledPack& pack, const Value& value, const dsl::TypeRef& type);

}  // namespace frontdoor::engine
