#pragma once
// The calls an ImpactProgress gets (frontdoor/replay.hpp): each multiple of `every` once the lines
// before it are tallied, then the lines read in all at the end, never the same number twice.
#include "frontdoor/replay.hpp"

#include <cstddef>
#include <utility>

namespace frontdoor::records {

class ProgressMarks {
public:
    explicit ProgressMarks(ImpactProgress progress) : progress_(std::move(progress)) {}

    // Every line up to `lines_done` (counted from the assessment's first) is tallied.
    void reached(std::size_t lines_done) {
        if (!progress_.report || progress_.every == 0) return;
        while (lines_done >= reported_ + progress_.every) tell(reported_ + progress_.every);
    }

    // The input has ended after `lines_read` lines, all of them tallied.
    void finish(std::size_t lines_read) {
        reached(lines_read);
        if (progress_.report && lines_read > reported_) tell(lines_read);
    }

private:
    void tell(std::size_t lines) {
        reported_ = lines;
        progress_.report(lines);
    }

    ImpactProgress progress_;
    std::size_t reported_ = 0;
};

}  // namespace frontdoor::records
