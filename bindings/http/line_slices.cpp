#include "line_slices.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

namespace frontdoor::http {

bool LineSlices::fill() {
    if (ended_) return false;
    pending_.erase(0, taken_);
    taken_ = 0;
    std::size_t had = pending_.size();
    pending_.resize(had + JsonLinesReader::block_bytes);
    std::size_t n = read_(pending_.data() + had, JsonLinesReader::block_bytes);
    pending_.resize(had + n);
    if (n == 0) ended_ = true;
    return n != 0;
}

std::optional<std::string> LineSlices::first_line(std::size_t limit) {
    std::size_t scanned = 0;
    while (true) {
        std::size_t end = pending_.find('\n', taken_ + scanned);
        if (end != std::string::npos || ended_) {
            if (end == std::string::npos) end = pending_.size();
            if (end - taken_ > limit + 1) return std::nullopt;
            std::string line = pending_.substr(taken_, end - taken_);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            taken_ = std::min(end + 1, pending_.size());
            return line;
        }
        scanned = pending_.size() - taken_;
        if (scanned > limit + 1) return std::nullopt;
        fill();
    }
}

bool LineSlices::at_end() {
    while (taken_ == pending_.size())
        if (!fill()) return true;
    return false;
}

ReadBlock LineSlices::next_slice(std::size_t lines) {
    auto left = std::make_shared<std::size_t>(lines);
    return [this, left](char* into, std::size_t size) -> std::size_t {
        if (*left == 0 || at_end()) return 0;
        std::size_t available = std::min(size, pending_.size() - taken_);
        std::size_t n = 0;
        while (n<available&& * left> 0) {
            const char* start = pending_.data() + taken_ + n;
            const void* lf = std::memchr(start, '\n', available - n);
            if (!lf) {
                n = available;
                break;
            }
            n += static_cast<std::size_t>(static_cast<const char*>(lf) - start) + 1;
            --*left;
            ++lines_read_;
        }
        std::memcpy(into, pending_.data() + taken_, n);
        taken_ += n;
        // A last line without LF is a line too.
        if (*left > 0 && n > 0 && into[n - 1] != '\n' && at_end()) ++lines_read_;
        return n;
    };
}

}  // namespace frontdoor::http
