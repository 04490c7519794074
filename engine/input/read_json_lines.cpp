// JsonLinesReader: one batch line at a time, in bounded memory (see frontdoor/json_lines.hpp).
#include "frontdoor/json_lines.hpp"

#include <algorithm>
#include <cstring>

namespace frontdoor {

namespace {

constexpr std::string_view cr_only_hint = "lines end with CR only (old Mac line endings); use LF or CRLF";

std::string too_long(std::size_t bytes, std::size_t limit, bool carriage_returns) {
    std::string message = "the line has " + std::to_string(bytes) + " bytes, more than " + std::to_string(limit) +
                          " (the limit for a document); it was skipped";
    if (carriage_returns) message += "; " + std::string(cr_only_hint);
    return message;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

JsonLinesReader::JsonLinesReader(ReadBlock read, const InputLimits& limits, std::size_t block)
    : read_(std::move(read)),
      line_limit_(limits.document_bytes),
      block_(std::max<std::size_t>(block, 1)),
      // Room for the longest line, its CR LF, and one block: allocated once, touched as it fills.
      capacity_(line_limit_ + 2 + block_),
      buffer_(new char[capacity_]) {}

bool JsonLinesReader::fill() {
    if (at_end_) return false;
    if (capacity_ - end_ < block_) {
        std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
        scan_ -= begin_, end_ -= begin_, begin_ = 0;
    }
    std::size_t got = read_(buffer_.get() + end_, std::min(block_, capacity_ - end_));
    end_ += got;
    at_end_ = got == 0;
    return !at_end_;
}

bool JsonLinesReader::next(JsonLine& line) {
    for (;;) {
        const char* data = buffer_.get();
        auto* newline = static_cast<const char*>(std::memchr(data + scan_, '\n', end_ - scan_));
        if (!newline) {
            scan_ = end_;
            if (end_ - begin_ > line_limit_ + 1) return skip_long_line(line);
            if (fill()) continue;
            if (begin_ == end_) return false;
            newline = data + end_;  // the last line needs no end
        }
        auto stop = static_cast<std::size_t>(newline - data);
        std::string_view text(data + begin_, stop - begin_);
        begin_ = scan_ = std::min(stop + 1, end_);
        ++number_;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (blank(text)) continue;
        line = JsonLine{number_, {}, {}};
        bool carriage_return = text.find('\r') != std::string_view::npos;
        if (text.size() > line_limit_) line.refusal = too_long(text.size(), line_limit_, carriage_return);
        else if (carriage_return)
            line.refusal = "the line holds a carriage return (CR) that does not end it: " + std::string(cr_only_hint);
        else line.text = text;
        return true;
    }
}

// The buffer holds more than the limit and no line end: count the rest of the line as it is read
// and thrown away, and go on from the line after it.
bool JsonLinesReader::skip_long_line(JsonLine& line) {
    std::size_t bytes = end_ - begin_;
    bool carriage_return = std::memchr(buffer_.get() + begin_, '\r', bytes - 1) != nullptr;
    char last = buffer_[end_ - 1];
    begin_ = scan_ = end_ = 0;
    while (fill()) {
        auto* newline = static_cast<const char*>(std::memchr(buffer_.get(), '\n', end_));
        std::size_t length = newline ? static_cast<std::size_t>(newline - buffer_.get()) : end_;
        if (length > 1 && std::memchr(buffer_.get(), '\r', length - 1)) carriage_return = true;
        if (length > 0 && last == '\r') carriage_return = true;
        if (length > 0) last = buffer_[length - 1];
        bytes += length;
        if (newline) {
            begin_ = scan_ = length + 1;
            break;
        }
        begin_ = scan_ = end_ = 0;
    }
    if (last == '\r') --bytes;  // the CR of a CR LF ending
    line = JsonLine{++number_, {}, too_long(bytes, line_limit_, carriage_return)};
    return true;
}

}  // namespace frontdoor
