#pragma once
// A rule file's text with its name; syntax nodes carry byte spans into it, and line and column are
// worked out only when a diagnostic is printed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::dsl {

struct Span {
    std::uint32_t file = 0;   // index into the pack's sources
    std::uint32_t begin = 0;  // byte offset, inclusive
    std::uint32_t end = 0;    // byte offset, exclusive
};

struct LineColumn {
    std::uint32_t line;    // 1-based
    std::uint32_t column;  // 1-based, in characters (UTF-8 code points), as an editor counts them
};

class Source {
public:
    Source(std::string name, std::string text);
    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    LineColumn locate(std::uint32_t offset) const;
    std::string_view line_text(std::uint32_t line) const;
    // The offset just past the last character of `line` (before its line break).
    std::uint32_t line_end(std::uint32_t line) const;
    std::string_view slice(Span span) const {
        return std::string_view(text_).substr(span.begin, span.end - span.begin);
    }

private:
    std::string name_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
};

}  // namespace frontdoor::dsl
