#pragma once
// A pack's digest, its identity in decisions and decision logs: SHA-256 over each file as
// "<path>\0<byte length>\0<bytes>", the files sorted by path byte by byte (never by locale), as
// docs/language.md defines it. The loader computes it over the files it read and `audit verify`
// recomputes it over the files a log stored, without compiling them (a pack this engine can no
// longer load can still be verified); both call this one function, so they agree byte for byte.
#include <string>
#include <utility>
#include <vector>

namespace frontdoor::engine {

std::string digest_pack(std::vector<std::pair<std::string, std::string>> files);

}  // namespace frontdoor::engine
