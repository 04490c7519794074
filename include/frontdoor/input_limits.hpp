#pragma once
// The limits on one input (a JSON document, or one line of a JSON-lines batch), with their
// defaults in this one place. Every input the contract allows fits well inside them; they exist so
// that a hostile or broken input is refused by name, in bounded time and memory, instead of
// stalling or exhausting the process. docs/security.md ("Limits on contacts") explains each choice.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace frontdoor {

struct InputLimits {
    // Bytes in one document (one line of a batch). The largest input a contract is likely to allow
    // (a thousand list items of 200 characters each, every character written as a \u escape) is
    // under 3 MiB; a reader never holds more than this plus one block of a batch.
    std::size_t document_bytes = 4 << 20;
    // Members of one object, items of one array.
    std::uint32_t object_members = 10'000;
    std::uint32_t array_items = 10'000;
    // JSON values (objects, arrays, texts, numbers, literals) in one document: bounds the memory a
    // document takes once read (each value is a node of about 56 bytes) to about 5.6 MB.
    std::uint32_t document_values = 100'000;
    // Bytes in one text (a string value or a field name), after unescaping.
    std::size_t text_bytes = 64 << 10;
    // Nesting of arrays and objects.
    int nesting_depth = 256;
};

// (A refusal quotes at most 200 characters of a value: engine/json/echo_value.hpp.)

// Whether a value of `text` lies inside more than `depth` arrays and objects (the contact reader's
// meaning of depth), counted outside strings, whether or not it is valid JSON: linear, no allocation. A face that reads
// JSON with a library whose values copy, compare or print recursively (nlohmann) checks this first, so that a value
// nested 100,000 deep is refused instead of exhausting the stack. Thread-safe.
bool json_nests_deeper_than(std::string_view text, int depth = InputLimits{}.nesting_depth);

}  // namespace frontdoor
