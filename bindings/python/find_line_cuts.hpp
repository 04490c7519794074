#pragma once
// Where python3 -m frontdoor.batch cuts a JSON-lines file into partitions (frontdoor/split_inputs.py
// says why a partition is a run of whole lines): one pass over the file in large reads, each line
// end found with memchr, so that the client splits gigabytes in about the time the kernel takes to
// copy them out of the page cache (Python's own bytes.count went at some 700 MB/s).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace frontdoor::python {

struct LineCuts {
    // (byte offset, line number from 1) of each partition start after the first: the byte after
    // the first LF at or beyond each multiple of `partition_bytes` past the previous cut.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> cuts;
    std::uint64_t size = 0;  // the bytes read: the file's size
};

// The cuts of the file at `path` for partitions of about `partition_bytes` (at least 1). Returns
// false with errno set when the file cannot be opened or read.
bool find_line_cuts(const std::string& path, std::uint64_t partition_bytes, LineCuts& out);

}  // namespace frontdoor::python
