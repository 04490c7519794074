#include "engine/json_writer.hpp"

namespace frontdoor::engine {

void JsonWriter::quoted(std::string_view s) {
    static const char* const hex = "0123456789abcdef";
    out_ += '"';
    for (char c : s) {
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
                if (u < 0x20) {
                    out_ += "\\u00";
                    out_ += hex[u >> 4];
                    out_ += hex[u & 15];
                } else {
                    out_ += c;
                }
        }
    }
    out_ += '"';
}

}  // namespace frontdoor::engine
