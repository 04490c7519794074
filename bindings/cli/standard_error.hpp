#pragma once
// Standard error, shown to a person: every message a command writes there (a refusal quoting an
// option's value, a file name, a rule's text, an engine error quoting a contact) passes through
// escape_for_display (frontdoor/display_text.hpp) on its way out, so that a control character in
// untrusted input (ESC starting a terminal escape sequence, a bell, CR) is shown as \u{1b}, never
// obeyed by the policy lead's terminal. The log (spdlog) writes to standard error on its own and
// escapes through use_escaped_log_pattern (escaped_log.hpp).
#include <mutex>
#include <streambuf>
#include <string>

namespace frontdoor::cli {

class EscapedStandardError : public std::streambuf {
public:
    // Points std::cerr at the filter, which writes through the buffer std::cerr had. Once, in main().
    static void install();

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    explicit EscapedStandardError(std::streambuf* out) : out_(out) {}
    std::streambuf* out_;
    std::mutex mutex_;
    std::string pending_;  // written, not yet passed on: until the next sync, or a character's first bytes
};

}  // namespace frontdoor::cli
