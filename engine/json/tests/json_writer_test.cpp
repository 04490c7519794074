// JSON strings as the decision writer escapes them, against a character-by-character reference
// of RFC 8259's rules: random text heavy in the bytes that need escaping, at every length around
// the writer's eight-byte steps.
#include "engine/json/json_writer.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>

namespace {

std::string reference_encoding(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (u < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace

TEST_CASE("JSON strings are escaped exactly as RFC 8259 asks, at any length and position", "[json]") {
    using frontdoor::engine::JsonWriter;
    CHECK(JsonWriter::encode("plain_text:word") == "\"plain_text:word\"");
    CHECK(JsonWriter::encode("a \"quoted\" C:\\path\n") == "\"a \\\"quoted\\\" C:\\\\path\\n\"");
    CHECK(JsonWriter::encode(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\x7f\"");
    CHECK(JsonWriter::encode("§4 B — level 3") == "\"§4 B — level 3\"");
    const std::string alphabet = std::string("abc \"\\\n\t\x01\x1f\x20\x21\x5b\x5d\x7f", 15) + "\xc2\xa7\xe2\x80\x94";
    std::mt19937 random(8);
    for (int i = 0; i < 20000; ++i) {
        std::string text(random() % 40, ' ');
        bool plain = random() % 2 == 0;  // half the cases escape nothing, or only near the end
        for (char& c : text) c = plain ? "abcdefgh:_ -"[random() % 12] : alphabet[random() % alphabet.size()];
        if (plain && !text.empty() && random() % 2 == 0)
            text[random() % text.size()] = alphabet[random() % alphabet.size()];
        INFO(reference_encoding(text));
        REQUIRE(JsonWriter::encode(text) == reference_encoding(text));
    }
}
