#pragma once
// A small, fast JSON writer: keys in the order they are written, no whitespace, strings escaped
// per RFC 8259. Output is byte-for-byte deterministic.
#include <cstdint>
#include <string>
#include <string_view>

namespace frontdoor::engine {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}
    void begin_object() {
        comma();
        out_ += '{';
        first_ = true;
    }
    void end_object() {
        out_ += '}';
        first_ = false;
    }
    void begin_array() {
        comma();
        out_ += '[';
        first_ = true;
    }
    void end_array() {
        out_ += ']';
        first_ = false;
    }
    void key(std::string_view k) {
        comma();
        quoted(k);
        out_ += ':';
        first_ = true;
    }
    void string(std::string_view s) {
        comma();
        quoted(s);
    }
    void integer(std::int64_t i) {
        comma();
        out_ += std::to_string(i);
    }
    void boolean(bool b) {
        comma();
        out_ += b ? "true" : "false";
    }
    void null() {
        comma();
        out_ += "null";
    }
    // Inserts already-encoded JSON.
    void raw(std::string_view json) {
        comma();
        out_ += json;
    }
    // Starts a value that the caller appends, already encoded, to the returned buffer.
    std::string& raw_value() {
        comma();
        return out_;
    }
    // Inserts an already-encoded key with its colon: "\"name\":".
    void raw_key(std::string_view encoded) {
        comma();
        out_ += encoded;
        first_ = true;
    }
    // `text` as a JSON string literal.
    static std::string encode(std::string_view text);

private:
    void comma() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    void quoted(std::string_view s);
    void escape(char c);
    std::string& out_;
    bool first_ = true;
};

}  // namespace frontdoor::engine
