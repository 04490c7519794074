#include "dsl/source.hpp"

#include <algorithm>

namespace frontdoor::dsl {

Source::Source(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
}

LineColumn Source::locate(std::uint32_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    std::uint32_t column = 1;
    for (std::uint32_t i = line_starts_[line - 1]; i < offset && i < text_.size(); ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {line, column};
}

std::string_view Source::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::uint32_t begin = line_starts_[line - 1];
    std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
    std::string_view text = std::string_view(text_).substr(begin, end - begin);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

std::uint32_t Source::line_end(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return 0;
    return line_starts_[line - 1] + static_cast<std::uint32_t>(line_text(line).size());
}

}  // namespace frontdoor::dsl
