// The quick fix of a diagnostic: the name its "did you mean 'x'?" (did_you_mean, diagnostics.cpp)
// suggests, shaped to replace the characters under the diagnostic's span.
#include "frontdoor/edit_pack.hpp"

namespace frontdoor {

namespace {

// The bytes of `line` from character `column` (1-based), `width` characters long.
std::string characters(const std::string& line, std::uint32_t column, std::uint32_t width) {
    std::size_t begin = line.size(), end = line.size();
    std::uint32_t at = 1;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
        if (at == column) begin = i;
        if (at == column + width) {
            end = i;
            break;
        }
        ++at;
    }
    return begin < end ? line.substr(begin, end - begin) : std::string();
}

}  // namespace

std::optional<std::string> suggested_replacement(const Diagnostic& diagnostic) {
    static const std::string opening = "; did you mean '";
    static const std::string closing = "'?";
    const std::string& message = diagnostic.message;
    auto start = message.rfind(opening);
    if (start == std::string::npos || diagnostic.line == 0 || message.size() < closing.size() ||
        message.compare(message.size() - closing.size(), closing.size(), closing) != 0)
        return std::nullopt;
    std::size_t name_begin = start + opening.size();
    if (name_begin + closing.size() > message.size()) return std::nullopt;
    std::string name = message.substr(name_begin, message.size() - closing.size() - name_begin);
    std::string spanned = characters(diagnostic.line_text, diagnostic.column, diagnostic.width);
    if (spanned.size() >= 2 && spanned.front() == '"' && spanned.back() == '"') return "\"" + name + "\"";
    return name;
}

}  // namespace frontdoor
