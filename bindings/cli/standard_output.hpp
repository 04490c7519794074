#pragma once
// Standard output, checked. Every command writes through std::cout; main() points std::cout at
// this sink, which writes with write(2) and remembers the first failure (a full disk, a closed
// descriptor, a reader that went away: SIGPIPE is ignored so that this is EPIPE, not a silent
// death). A failed write throws OutputFailed out of the command, so that nothing further is decided
// or recorded, and the program exits with exit_io_failed.
#include <cstddef>
#include <streambuf>
#include <string>

namespace frontdoor::cli {

// Thrown by a failed write to standard output. Deliberately not a std::runtime_error: no command's
// handler for a log or pack failure may catch it and report the wrong thing.
struct OutputFailed {
    int error;  // errno of the failed write, flush or close
};

// Output is gathered up to this many bytes before one write(2); larger pieces (eval's groups of
// decisions) are written at once. Only speed depends on it: every write is checked.
constexpr std::size_t standard_output_buffer = 1 << 16;

class StandardOutput : public std::streambuf {
public:
    // Points std::cout at the sink, with exceptions on, and ignores SIGPIPE. Fails (returning the
    // errno) when standard output is not open, before any command runs; it then stays untouched.
    static int install();
    // Writes what is buffered, then closes standard output, whose close can report a write error
    // too (on NFS, say). Throws OutputFailed on failure, or when an earlier one was swallowed.
    static void finish();
    // After a failure: standard output is given up, so that nothing more is written to it and
    // nothing throws when the program exits (which flushes std::cout once more).
    static void abandon();
    // The sentence for a user: "cannot write to standard output: No space left on device".
    static std::string describe(const OutputFailed& failure);

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    StandardOutput();
    void write_all(const char* data, std::size_t size);
    void drain();
    static inline int first_error_ = 0;
    char buffer_[standard_output_buffer];
};

}  // namespace frontdoor::cli
