#include "find_line_cuts.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace frontdoor::python {

namespace {

constexpr std::size_t block_bytes = std::size_t{4} << 20;

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) {
            int saved = errno;  // a failed read's errno outlives the close
            ::close(fd_);
            errno = saved;
        }
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

bool find_line_cuts(const std::string& path, std::uint64_t partition_bytes, LineCuts& out) {
    out = {};
    partition_bytes = std::max<std::uint64_t>(partition_bytes, 1);
    Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) return false;
    std::unique_ptr<char[]> block(new char[block_bytes]);
    std::uint64_t position = 0, line_ends = 0, target = partition_bytes;
    for (;;) {
        ssize_t got = ::read(file.get(), block.get(), block_bytes);
        if (got < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (got == 0) break;
        const char* at = block.get();
        const char* end = block.get() + got;
        while (const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at))) {
            const char* lf = static_cast<const char*>(found);
            ++line_ends;
            std::uint64_t offset = position + static_cast<std::uint64_t>(lf - block.get());
            if (offset + 1 >= target) {
                out.cuts.emplace_back(offset + 1, line_ends + 1);
                target = offset + 1 + partition_bytes;
            }
            at = lf + 1;
        }
        position += static_cast<std::uint64_t>(got);
    }
    out.size = position;
    return true;
}

}  // namespace frontdoor::python
