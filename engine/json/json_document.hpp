#pragma once
// Which JSON code path is for what (the one place that says it; each has one job):
// - The one-pass contact reader (engine/input/read_in_one_pass.*, on simdjson): a contact read
//   straight into the declared input's value when nothing about it is unusual. It never refuses: on
//   anything it would refuse or is not sure of, it gives up and the strict reader below reads the
//   contact (engine/input/read_input.hpp), so every refusal is the strict reader's.
// - This strict reader (engine/json_document.*): every untrusted JSON the engine decides from, that
//   is a contact (eval, the library, a scenario's contact, a walkthrough's input) the one-pass
//   reader gave up on, and every refusal of one, within the limits of frontdoor/input_limits.hpp.
// - The writer (engine/json_writer.*): every JSON the engine writes on the hot path and keeps
//   (decisions with their explanations, eval's lines, the impact report), byte-deterministic.
// - The cutter (engine/json/json_members.*): JSON the engine itself wrote, read back from a
//   decision log (contact ids, rulesets, outcomes, field-by-field comparisons in replay and impact)
//   and a walkthrough's decision: raw byte ranges without a DOM, because equal values are equal
//   bytes. A scenario file, once nlohmann has accepted it, is cut with it too, so that its contact
//   is decided from its bytes as written.
// - nlohmann/json: JSON that is neither an input to decide nor a hot-path output: a pack's data
//   files (bank holidays), scenario files, a walkthrough's what-if edits and the display of its
//   input, and documents printed for people or tools (the input's JSON Schema, the graph, audit
//   show, the replay report), where pretty-printing matters and speed does not.
// A strict JSON reader for inputs (RFC 8259): one value, no comments, no trailing commas, no
// leading zeros, valid UTF-8, escapes checked, surrogate pairs paired, and a key given twice in one
// object refused (a reader that kept the last would be guessing), found in linear time. A
// byte-order mark at the start is skipped (RFC 8259 section 8.1 allows it). The limits of
// frontdoor/input_limits.hpp (size, members, items, values, text length, nesting) are refused by
// name, with the JSON path where they were exceeded.
// It reads into one flat vector of nodes, with unescaped text in one buffer: a handful of
// allocations per document instead of one per value.
#include "frontdoor/input_limits.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

// How deeply JSON from outside may nest: a value inside at most this many arrays and objects. The
// contact reader enforces it (InputLimits::nesting_depth, its one default), and so does every other
// parse of JSON Frontdoor did not write itself (engine/json/parse_json_within_depth.hpp).
inline constexpr int max_json_depth = InputLimits{}.nesting_depth;

struct JsonNode {
    enum class Type : std::uint8_t { null, boolean, integer, decimal, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    std::int64_t integer = 0;
    std::string_view text;   // strings (unescaped)
    std::string_view key;    // the member name, for a value inside an object
    std::uint32_t end = 0;   // index just past this node's subtree (the next sibling)
    std::uint32_t size = 0;  // arrays and objects: number of children
};

struct JsonError {
    std::size_t byte;     // offset into the text
    std::string message;  // "expected ',' or '}'"
    // For a key given twice and a limit exceeded: where, as a JSON pointer ("" for the whole
    // document). Empty otherwise: a syntax error is shown by its byte.
    std::optional<std::string> path;
    bool over_limit = false;  // a limit was exceeded: the text may be valid JSON
};

class JsonDocument {
public:
    // Parses `text`; the document keeps views into its own copy-free buffer of unescaped strings,
    // so `text` must outlive it only while parsing.
    std::optional<JsonError> parse(std::string_view text, const InputLimits& limits = {});
    const JsonNode& root() const { return nodes_[0]; }
    const JsonNode& node(std::uint32_t index) const { return nodes_[index]; }
    std::uint32_t index_of(const JsonNode& node) const { return static_cast<std::uint32_t>(&node - nodes_.data()); }
    // Children of an array or object: first child index, then each child's `end`.
    std::uint32_t first_child(const JsonNode& node) const { return index_of(node) + 1; }

private:
    std::vector<JsonNode> nodes_;
    std::string strings_;
};

}  // namespace frontdoor::engine
