#include "engine/json/json_writer.hpp"

#include <cstdint>
#include <cstring>

namespace frontdoor::engine {

std::string JsonWriter::encode(std::string_view text) {
    std::string out;
    JsonWriter writer(out);
    writer.string(text);
    return out;
}

namespace {

// Whether any of eight bytes is a control character, '"' or '\\' (the bytes JSON escapes):
// the classic bit tricks for "has a byte less than n" and "has a zero byte".
bool needs_escape(std::uint64_t bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    auto has_zero = [&](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
    bool control = ((bytes - ones * 0x20) & ~bytes & highs) != 0;
    return control || has_zero(bytes ^ (ones * '"')) || has_zero(bytes ^ (ones * '\\'));
}

}  // namespace

void JsonWriter::quoted(std::string_view s) {
    out_ += '"';
    // Most text needs no escaping: skip eight plain bytes at a time, then copy runs of plain
    // characters at once.
    std::size_t plain = 0;
    for (std::uint64_t bytes; plain + 8 <= s.size(); plain += 8) {
        std::memcpy(&bytes, s.data() + plain, 8);
        if (needs_escape(bytes)) break;
    }
    std::size_t run = 0;
    for (std::size_t i = plain; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\') [[likely]]
            continue;
        out_.append(s.data() + run, i - run);
        run = i + 1;
        escape(s[i]);
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
}

void JsonWriter::escape(char c) {
    static const char* const hex = "0123456789abcdef";
    auto u = static_cast<unsigned char>(c);
    switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        default:
            out_ += "\\u00";
            out_ += hex[u >> 4];
            out_ += hex[u & 15];
    }
}

}  // namespace frontdoor::engine
