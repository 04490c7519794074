#pragma once
// Frontdoor's public interface: load a rule pack, decide inputs, explain, describe the pack.
// Bindings (the CLI, later HTTP, Python and C) use this header and nothing deeper.
#include "frontdoor/diagnostic.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace frontdoor {

namespace engine {
struct CompiledPack;
struct Value;
}

// An input read and validated against a pack's declaration, ready to decide (possibly many
// times, e.g. in a benchmark or a what-if). Refused inputs never become one.
struct Input {
    std::shared_ptr<const engine::Value> value;
};

struct ReadResult {
    std::optional<Input> input;  // empty when refused
    std::string path;            // refusals: JSON pointer
    std::string message;         // refusals: what was expected
};

// The result of deciding one input: a decision, or a refusal naming the JSON path at fault.
struct Decided {
    bool refused = false;
    std::string path;     // refusals: JSON pointer ("" = the whole document)
    std::string message;  // refusals: what was expected
    std::string json;     // decisions: the decision object, one line, no trailing newline
};

struct DecideOptions {
    bool explain = true;  // include the explanation (the decision schema requires it)
};

class Pack;

struct LoadResult {
    std::shared_ptr<const Pack> pack;   // null when there were errors
    std::vector<Diagnostic> diagnostics;  // errors and warnings, sorted by position
};

class Pack {
public:
    // Reads every *.rules file in `directory` and the data files they name.
    static LoadResult load_directory(const std::string& directory);
    // The same from files held in memory (e.g. a pack stored in a decision log), by relative path.
    static LoadResult load_files(const std::string& label, std::vector<std::pair<std::string, std::string>> files);

    const std::string& name() const;
    const std::string& version() const;
    // "sha256:<hex>" over the pack's files in a canonical order (see docs/language.md).
    const std::string& digest() const;
    const std::vector<std::pair<std::string, std::string>>& files() const;

    // Parses, validates and decides one JSON document. Thread-safe.
    Decided decide(std::string_view json_text, const DecideOptions& options = {}) const;
    // The two halves of decide(): read and validate (JSON syntax, declared types, refusal rules),
    // then decide an input that was read. Both thread-safe.
    ReadResult read(std::string_view json_text) const;
    Decided decide(const Input& input, const DecideOptions& options = {}) const;
    // The JSON Schema (2020-12) equivalent to the pack's declared input.
    std::string input_schema() const;
    // The decision graph as Graphviz DOT or JSON.
    std::string graph(std::string_view format) const;

    const engine::CompiledPack& compiled() const { return *impl_; }
    explicit Pack(std::shared_ptr<const engine::CompiledPack> impl) : impl_(std::move(impl)) {}

private:
    std::shared_ptr<const engine::CompiledPack> impl_;
};

// The engine's version, recorded with every decision in a log.
const char* engine_version();

}  // namespace frontdoor
