// Where inputs come from: a file or standard input read with read(2), so that a failed read (a
// directory, a disk error) is an error naming the file and never looks like the end of the input,
// or text held in memory.
#include "frontdoor/json_lines.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <system_error>

namespace frontdoor {

namespace {

std::string read_failure(const std::string& name, int error) {
    return "cannot read " + name + ": " + std::system_category().message(error);
}

// A file descriptor this program opened, closed with the last copy of its ReadBlock.
struct OpenFile {
    OpenFile(int descriptor, bool own) : fd(descriptor), owned(own) {}
    ~OpenFile() {
        if (owned) ::close(fd);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int fd;
    bool owned;
};

}  // namespace

ReadBlock file_blocks(const std::string& path) {
    bool standard_input = path == "-";
    std::string name = standard_input ? "standard input" : path;
    int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw ReadError(read_failure(name, errno));
    auto file = std::make_shared<OpenFile>(fd, !standard_input);
    return [file, name](char* into, std::size_t size) -> std::size_t {
        for (;;) {
            ssize_t got = ::read(file->fd, into, size);
            if (got >= 0) return static_cast<std::size_t>(got);
            if (errno != EINTR) throw ReadError(read_failure(name, errno));
        }
    };
}

ReadBlock text_blocks(std::string text) {
    auto held = std::make_shared<std::pair<std::string, std::size_t>>(std::move(text), 0);
    return [held](char* into, std::size_t size) -> std::size_t {
        auto& [bytes, at] = *held;
        std::size_t count = std::min(size, bytes.size() - at);
        std::memcpy(into, bytes.data() + at, count);
        at += count;
        return count;
    };
}

ReadBlock view_blocks(std::string_view text) {
    return [text, at = std::size_t{0}](char* into, std::size_t size) mutable -> std::size_t {
        std::size_t count = std::min(size, text.size() - at);
        if (count > 0) std::memcpy(into, text.data() + at, count);
        at += count;
        return count;
    };
}

std::string read_document(const ReadBlock& read, const InputLimits& limits) {
    // One byte over the limit is enough for Pack::read to refuse the document by name.
    const std::size_t keep = limits.document_bytes + 1;
    std::string text;
    while (text.size() < keep) {
        std::size_t at = text.size();
        text.resize(at + std::min(JsonLinesReader::block_bytes, keep - at));
        std::size_t got = read(text.data() + at, text.size() - at);
        text.resize(at + got);
        if (got == 0) break;
    }
    return text;
}

}  // namespace frontdoor
