#pragma once
// How an OutOfRange (an integer overflow, a date or time outside the years the reader accepts)
// reaches a person: at decide time it refuses the contact, naming the expression, where it is and
// the definition it belongs to; at load (constant folding) it is an error at the expression.
#include "dsl/diagnostics.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/input/read_input.hpp"

namespace frontdoor::engine {

// Path "" and, for example, "cannot decide: integer overflow in 'n + n' (rules/x.rules:3:12,
// definition 'total')". The one place that turns an OutOfRange into a refusal of the contact.
InputRefusal refused_for_out_of_range(const CompiledPack& pack, const OutOfRange& error);
// "integer overflow in 'n + n'" as an error at the expression's span.
void report_out_of_range(const CompiledPack& pack, const OutOfRange& error, dsl::Diagnostics& diagnostics);

}  // namespace frontdoor::engine
