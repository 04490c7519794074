#pragma once
// The limits on what loading a pack may read, in one place (docs/security.md, "Limits on rule
// files", says why each is what it is). A file or pack over a limit is refused with an error that
// names the file, its size and the limit; nothing is read past it.
#include <cstdint>
#include <string>

namespace frontdoor::engine {

// One rule file: Hackney's largest is under 5 KiB, so 4 MiB is about a thousand times the largest real
// file, and well within what the parser and checker handle in well under a second.
inline constexpr std::uint64_t max_rule_file_bytes = std::uint64_t{4} << 20;
// One data file (Hackney's gov.uk bank holidays file is 12 KiB).
inline constexpr std::uint64_t max_data_file_bytes = std::uint64_t{16} << 20;
// Every file of a pack together, rule files and data files: what a decision log stores per pack.
inline constexpr std::uint64_t max_pack_bytes = std::uint64_t{32} << 20;

}  // namespace frontdoor::engine
