#pragma once
// The one-pass contact reader: bytes straight to the `Value` of the pack's declared input, on
// simdjson's on-demand parser (Debian's libsimdjson-dev; the choice of parser stays in this file's
// .cpp). Fields are found by the name tables built at load (name_table.hpp), enumeration members
// likewise, dates and times parsed with the same functions as the two-pass reader, texts checked
// with the same lengths and patterns.
//
// It only ever accepts: it has no refusals of its own. Whenever it meets anything the two-pass
// reader (read_input.hpp) would refuse, or anything it is not sure of (any simdjson error, a key
// given twice or unknown, an escaped key, a byte-order mark, a number that is not a plain whole
// number, a lone surrogate, a limit of frontdoor/input_limits.hpp approached, text after the
// value), it gives up and returns false, and the caller reads the contact again with the two-pass
// reader, whose answer (acceptance or refusal, with its path and message) is the answer. So: if it
// accepts, the two-pass reader accepts and builds an identical Value (tests/fuzz_read_in_one_pass.cpp
// beside this file checks exactly that); if it gives up, the result is the two-pass reader's. Every
// scalar is judged from its raw token by the two-pass reader's rules, not by simdjson's, and then
// consumed through simdjson too, so that simdjson checks the structure around it.
#include "engine/evaluate/value.hpp"
#include "engine/load/compiled_pack.hpp"

#include <string_view>

namespace frontdoor::engine {

// True, with the input in `out`, when the contact is read; false (with `out` untouched) when the
// reader gives up. With an arena, the input's records, lists and texts are made in it (and the
// fields left out borrow the pack's defaults): `out` is then valid until the arena's next reset().
bool read_in_one_pass(const CompiledPack& pack, std::string_view text, Value& out, DecisionArena* arena = nullptr);

// What "the value the two-pass reader builds" means, for the tests and the differential fuzz
// target: the same kind, number, set flag and text, and identical items, all the way down.
bool identical(const Value& a, const Value& b);

}  // namespace frontdoor::engine
