#pragma once
// The limits on what loading a pack may read, in one place (docs/security.md, "Limits on rule
// files", says why each is what it is). A file or pack over a limit is refused with an error that
// names the file, its size and the limit; nothing is read past it.
#include <cstdint>
#include <string>

namespace frontdoor::engine {

// Loading costs about 80 bytes of memory per byte of dense rules (syntax tree, types, graph), and
// on the order of a second per MiB on an idle core, so these bound a pack to a few hundred MB and
// a few seconds (docs/security.md gives the measurements). The bundled sample pack is 28 KB in all.
//
// One rule file: the sample pack's largest is 4.3 KB, so 1 MiB is over 200 times that.
inline constexpr std::uint64_t max_rule_file_bytes = std::uint64_t{1} << 20;
// One data file: the sample pack's gov.uk bank holidays file is 12 KB; 2 MiB holds over 25,000 holidays.
inline constexpr std::uint64_t max_data_file_bytes = std::uint64_t{2} << 20;
// Every file of a pack together, rule files and data files: also what a decision log stores for it.
inline constexpr std::uint64_t max_pack_bytes = std::uint64_t{4} << 20;

}  // namespace frontdoor::engine
