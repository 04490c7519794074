// Reading a pack's files from disk. A name is first checked as text (relative_path_problem), then
// resolved to its canonical path, which must lie inside the pack directory's canonical path; the
// file is inspected with lstat before it is opened (so a FIFO or device is never opened) and
// again with fstat after (so a file swapped in between is still refused), and read no further
// than its limit, even when it grows while being read.
#include "engine/load/read_pack_files.hpp"

#include "engine/load/pack_limits.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace frontdoor::engine {

namespace fs = std::filesystem;

namespace {

const char* const inside_hint = "name a file inside the pack directory";

// ", not a regular file" phrases by file type; "" for a regular file.
std::string type_problem(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "is a directory, not a regular file";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

std::string errno_problem(int error) { return std::string("cannot be read: ") + std::strerror(error); }

// Why `path` (not yet canonical) could not be resolved.
std::string resolve_problem(const fs::path& path, const std::error_code& error) {
    struct stat link;
    if (error.value() == ELOOP) return "is a symbolic link loop";
    if (error.value() == ENOENT || error.value() == ENOTDIR) {
        if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
            return "is a symbolic link whose target does not exist";
        return "does not exist in the pack directory";
    }
    return errno_problem(error.value());
}

bool is_inside(const fs::path& file, const fs::path& root) {
    const std::string& f = file.native();
    const std::string& r = root.native();
    if (r == "/") return f.size() > 1;
    return f.size() > r.size() + 1 && f.compare(0, r.size(), r) == 0 && f[r.size()] == '/';
}

struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string relative_path_problem(const std::string& name) {
    const std::string hint = inside_hint;
    if (name.empty()) return "is empty; " + hint;
    if (name.find('\0') != std::string::npos) return "has a NUL character; " + hint;
    if (name.front() == '/') return "is an absolute path; " + hint + ", relative to it";
    bool dot = false, dot_dot = false, empty = false;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t slash = std::min(name.find('/', start), name.size());
        std::string_view part(name.data() + start, slash - start);
        dot_dot |= part == "..";
        dot |= part == ".";
        empty |= part.empty();
        start = slash + 1;
    }
    // '..' is named first: it is the problem that could leave the pack.
    if (dot_dot) return "has a '..' component; " + hint + " without '.' or '..'";
    if (dot) return "has a '.' component; " + hint + " without '.' or '..'";
    if (empty) return "has an empty component ('//' or a trailing '/'); " + hint;
    return "";
}

std::string size_problem(std::uint64_t size, std::uint64_t limit, const char* limit_name) {
    if (size <= limit) return "";
    return "is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) + " bytes for " +
           limit_name;
}

std::string PackSize::add(std::uint64_t size) {
    total_ += size;
    if (total_ <= max_pack_bytes) return "";
    return "brings the pack's files to " + std::to_string(total_) + " bytes, over the limit of " +
           std::to_string(max_pack_bytes) + " bytes for a whole pack";
}

PackDirectory::PackDirectory(const std::string& directory) {
    std::error_code error;
    root_ = fs::canonical(directory, error);
    if (error) {
        problem_ = resolve_problem(directory, error);
        if (problem_ == "does not exist in the pack directory") problem_ = "does not exist";
        return;
    }
    struct stat info;
    if (::stat(root_.c_str(), &info) != 0) problem_ = errno_problem(errno);
    else if (!S_ISDIR(info.st_mode)) problem_ = "is not a directory: a pack is a directory of .rules files";
}

std::vector<std::string> PackDirectory::rule_file_names(std::string& problem) const {
    std::vector<std::string> names;
    std::error_code error;
    fs::directory_iterator entries(root_, error);
    for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
        std::string name = entries->path().filename().string();
        if (dsl::is_rule_file(name)) names.push_back(std::move(name));
    }
    if (error) problem = errno_problem(error.value());
    std::sort(names.begin(), names.end());
    return names;
}

dsl::DataFile PackDirectory::read(const std::string& name, std::uint64_t limit, const char* limit_name) const {
    auto fail = [](std::string problem) { return dsl::DataFile{{}, std::move(problem)}; };
    if (std::string problem = relative_path_problem(name); !problem.empty()) return fail(problem);
    fs::path path = root_ / name;
    std::error_code error;
    fs::path resolved = fs::canonical(path, error);
    if (error) return fail(resolve_problem(path, error));
    if (!is_inside(resolved, root_)) return fail("resolves to a file outside the pack directory");
    struct stat info;
    if (::lstat(resolved.c_str(), &info) != 0) return fail(errno_problem(errno));
    if (std::string problem = type_problem(info.st_mode); !problem.empty()) return fail(problem);
    if (std::string problem = size_problem(static_cast<std::uint64_t>(info.st_size), limit, limit_name);
        !problem.empty())
        return fail(problem);
    FileDescriptor file{::open(resolved.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    if (file.fd < 0)
        return fail(errno == ELOOP ? "resolves to a file outside the pack directory" : errno_problem(errno));
    if (::fstat(file.fd, &info) != 0) return fail(errno_problem(errno));
    if (std::string problem = type_problem(info.st_mode); !problem.empty()) return fail(problem);
    // Read at most one byte past the limit, so a file that grows while being read is caught.
    std::string text(std::min<std::uint64_t>(static_cast<std::uint64_t>(info.st_size), limit) + 1, '\0');
    std::size_t got = 0;
    while (got <= limit) {
        if (got == text.size()) text.resize(std::min<std::uint64_t>(text.size() * 2, limit + 1));
        ssize_t n = ::read(file.fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(errno_problem(errno));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > limit)
        return fail("grew while being read to over the limit of " + std::to_string(limit) + " bytes for " + limit_name);
    text.resize(got);
    return dsl::DataFile{std::move(text), {}};
}

}  // namespace frontdoor::engine
