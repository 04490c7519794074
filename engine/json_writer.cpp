#include "engine/json_writer.hpp"

namespace frontdoor::engine {

std::string JsonWriter::encode(std::string_view text) {
    std::string out;
    JsonWriter writer(out);
    writer.string(text);
    return out;
}

void JsonWriter::quoted(std::string_view s) {
    out_ += '"';
    // Most text needs no escaping: copy runs of plain characters at once.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\') [[likely]] continue;
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
