#pragma once
// The log's lines (spdlog, on standard error): "frontdoor: LEVEL: message", the message passed
// through escape_for_log_line (frontdoor/display_text.hpp), so that text a message quotes from a
// rule file, a contact or a request (a reload's diagnostic, an engine error) can neither run a
// terminal escape sequence nor end the line and forge the next one.
namespace frontdoor::cli {

// Sets the default logger's pattern; once, in main().
void use_escaped_log_pattern();

}  // namespace frontdoor::cli
