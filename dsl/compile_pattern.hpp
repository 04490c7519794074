#pragma once
// A text pattern (`matching "..."`) has JSON Schema's meaning: an ECMAScript regular expression that
// must match somewhere in the text. It is run by RE2, whose time is linear in the text for every
// pattern (no backtracking): the pattern is translated to RE2's syntax so that each construct keeps
// its ECMAScript meaning, and a construct that RE2 cannot run in linear time (backreferences,
// lookaround) or whose meaning would change is refused, with the reason. Patterns match Unicode
// code points of UTF-8 text (as with ECMAScript's `u` flag), not UTF-16 code units.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace frontdoor::dsl {

// The memory RE2 may use for one pattern's compiled program and its DFA caches. A pattern whose
// program does not fit is refused at `check`; a DFA that fills its cache falls back to RE2's NFA,
// slower but still linear. RE2's own default, stated here so that it is a decision of ours.
inline constexpr std::int64_t pattern_max_memory = 8 << 20;
// The largest count in a {n,m} repetition: RE2's own limit, refused by name before RE2 sees it.
inline constexpr int pattern_max_repeat = 1000;

struct CompiledPattern {
    std::shared_ptr<const re2::RE2> regex;  // null when the pattern is refused
    std::string problem;                    // why it is refused, a sentence for a policy lead
};

// Translates an ECMAScript pattern to RE2's syntax (translate_pattern.cpp) and compiles it.
CompiledPattern compile_pattern(std::string_view ecmascript);
// The translation alone: true and `out` set, or false and `problem` set.
bool translate_pattern(std::string_view ecmascript, std::string& out, std::string& problem);
// Whether `text` contains a match of a compiled pattern.
bool pattern_search(const re2::RE2& regex, std::string_view text);

}  // namespace frontdoor::dsl
