#include "engine/load/digest_pack.hpp"

#include "engine/load/sha256.hpp"

#include <algorithm>

namespace frontdoor::engine {

std::string digest_pack(std::vector<std::pair<std::string, std::string>> files) {
    // std::string orders by char_traits<char>::lt, which compares as unsigned char: byte order,
    // the same order as SQLite's BINARY collation of the stored paths.
    std::sort(files.begin(), files.end());
    Sha256 sha;
    for (const auto& [path, content] : files) sha.field(path, content);
    return sha.hex();
}

}  // namespace frontdoor::engine
