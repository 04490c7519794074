#pragma once
// A streamed body cut at line ends without reading it whole: its first line taken apart (the
// impact route's request), then the rest handed on a slice of so many lines at a time, byte for
// byte, so that each slice reads through its own JsonLinesReader exactly as the whole would.
#include "frontdoor/json_lines.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace frontdoor::http {

class LineSlices {
public:
    explicit LineSlices(ReadBlock read) : read_(std::move(read)) {}
    // The first line without its LF (or CRLF); none when it is longer than `limit` bytes.
    std::optional<std::string> first_line(std::size_t limit);
    // The next `lines` lines (each with its LF; the last may lack one) as a reader's bytes; 0 at
    // the end of the slice. Valid until the next call; throws ReadError as `read` does.
    ReadBlock next_slice(std::size_t lines);
    // Every byte of the body has been handed on.
    bool at_end();
    // Lines handed on in slices so far (a last line without LF counts).
    std::size_t lines_read() const { return lines_read_; }

private:
    bool fill();

    ReadBlock read_;
    std::string pending_;
    std::size_t taken_ = 0;
    bool ended_ = false;
    std::size_t lines_read_ = 0;
};

}  // namespace frontdoor::http
