#pragma once
// Reading a pack's files from its directory: only regular files inside it, within the size limits
// of engine/load/pack_limits.hpp. Every "problem" here is a phrase that follows the file's name, e.g.
// "the rule file 'a.rules' " + "is a directory, not a regular file".
#include "dsl/checked_pack.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace frontdoor::engine {

// Why `name` is not a plain relative path to a file inside a pack (absolute, empty, a '.' or '..'
// component, an empty component), or "" when it is one. Both the directory and the in-memory
// loader apply it to every name, so a pack stored in a log obeys the same rules as one on disk.
std::string relative_path_problem(const std::string& name);

// "is 5000000 bytes, over the limit of 1048576 bytes for a rule file", or "" within the limit.
std::string size_problem(std::uint64_t size, std::uint64_t limit, const char* limit_name);

// The running total of a pack's bytes against max_pack_bytes.
class PackSize {
public:
    // Adds a file of `size` bytes; the problem when the pack's total passes the limit.
    std::string add(std::uint64_t size);

private:
    std::uint64_t total_ = 0;
};

// A pack directory, resolved once to its canonical path; every file is read relative to it.
class PackDirectory {
public:
    explicit PackDirectory(const std::string& directory);
    // Why the directory cannot be used as a pack ("does not exist", ...), or "".
    const std::string& problem() const { return problem_; }
    // The names of its entries ending in ".rules", sorted, whatever kind of file each is (reading
    // one says what is wrong with it); `problem` is set when the directory cannot be listed.
    std::vector<std::string> rule_file_names(std::string& problem) const;
    // The file `name` (relative to the directory) when it resolves to a regular file inside the
    // directory of at most `limit` bytes; never opens a FIFO or device, never reads past `limit`.
    dsl::DataFile read(const std::string& name, std::uint64_t limit, const char* limit_name) const;

private:
    std::filesystem::path root_;  // canonical
    std::string problem_;
};

}  // namespace frontdoor::engine
