#pragma once
// Reading inputs from files and streams: JSON lines (one JSON document a line) for batches, and
// one whole document. Every face (the CLI's eval and replay, the service's batch route) reads
// through this, so that limits, line ends, and read errors are treated the same everywhere.
#include "frontdoor/input_limits.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace frontdoor {

// An input could not be read (a directory given as a file, a disk error, a file that cannot be
// opened). The message names the input: "cannot read contacts.jsonl: Is a directory". It is never
// taken as the end of the input.
class ReadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where a reader gets its bytes: copies up to `size` bytes to `into` and returns how many, 0 only
// at the end of the input; throws ReadError when a read fails.
using ReadBlock = std::function<std::size_t(char* into, std::size_t size)>;
// The bytes of the file at `path` ("-" for standard input). Throws ReadError if it cannot be opened.
ReadBlock file_blocks(const std::string& path);
// The bytes of `text` (a request body, a test's input).
ReadBlock text_blocks(std::string text);
// The bytes of `text`, read where they are: the caller keeps them alive and unchanged until the
// reader is done (a Python binding's slice of a file, too large to copy for nothing).
ReadBlock view_blocks(std::string_view text);

// One whole document: at most `limits.document_bytes` plus one byte are kept, so that a longer one
// is refused by Pack::read without being held whole. Throws ReadError.
std::string read_document(const ReadBlock& read, const InputLimits& limits = {});

// One line of a batch: its number (from 1, counting every line) and either its text or why it
// cannot be decided.
struct JsonLine {
    std::size_t number = 0;
    std::string_view text;  // without its LF or CRLF; valid until the next call to next()
    std::string refusal;    // non-empty when the line was refused (text is then empty)
};

// Reads JSON lines in blocks, holding at most the document limit plus one block. A line ends with
// LF or CRLF; the last one needs no end. Lines holding only spaces, tabs and CRs are skipped. A
// line longer than the document limit is refused by number and skipped to its end, however long;
// a line holding a CR that does not end it is refused (a file whose lines end with CR only reads as
// one line). A byte-order mark is left to the JSON reader, which skips it.
class JsonLinesReader {
public:
    static constexpr std::size_t block_bytes = 64 << 10;
    explicit JsonLinesReader(ReadBlock read, const InputLimits& limits = {}, std::size_t block = block_bytes);
    // The next line that is not blank; false at the end of the input. Throws ReadError.
    bool next(JsonLine& line);
    // The lines read so far, blank ones included: at the end of the input, every line it has.
    std::size_t lines_read() const { return number_; }

private:
    bool fill();
    bool skip_long_line(JsonLine& line);

    ReadBlock read_;
    std::size_t line_limit_, block_, capacity_;
    std::unique_ptr<char[]> buffer_;
    // The unread bytes are buffer_[begin_, end_); those before scan_ hold no line end.
    std::size_t begin_ = 0, scan_ = 0, end_ = 0;
    std::size_t number_ = 0;
    bool at_end_ = false;
};

}  // namespace frontdoor
