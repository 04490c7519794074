#pragma once
// Frontdoor's public interface: load a rule pack, decide inputs, explain, describe the pack.
// Bindings (the CLI, later HTTP, Python and C) use the headers under include/frontdoor/ and
// nothing deeper; no internal type is defined in them (a Pack and an Input are opaque handles).
//
// Errors: bad input is a result (a refusal naming a JSON path, a diagnostic naming file:line:col),
// never an exception. The calls below throw only std::bad_alloc unless their comment says more.
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
}
struct InputData;
struct PackAccess;

// An input read and validated against a pack's declaration, ready to decide (possibly many
// times, e.g. in a benchmark or a what-if) by the pack that read it. Refused inputs never become
// one. Immutable: copies share it, and any number of threads may decide it at once.
class Input {
private:
    friend class Pack;
    friend struct PackAccess;
    explicit Input(std::shared_ptr<const InputData> data) : data_(std::move(data)) {}
    std::shared_ptr<const InputData> data_;
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
    // With explain: write each entry's fixed members (rule, row name, source, condition) as
    // "$ref":K, K an entry of Pack::explanation_dictionary(), about a third smaller; the decision
    // schema wants the full form, which Pack::expand_explanation gives back byte for byte.
    bool compact_explanation = false;
};

// How Pack::graph draws the decision graph.
enum class GraphFormat { dot, json };

struct GraphFormatChoice {
    std::optional<GraphFormat> format;  // empty when the name is not a format
    std::string problem;                // then: "unknown graph format 'svg'; the formats are dot and json"
};
// The format named `name` ("dot" or "json", exactly); any other name is refused with a sentence
// for the user, never taken as a default. Thread-safe.
GraphFormatChoice parse_graph_format(std::string_view name);

class Pack;

struct LoadResult {
    std::shared_ptr<const Pack> pack;     // null when there were errors
    std::vector<Diagnostic> diagnostics;  // errors and warnings, sorted by position
};

// A loaded rule pack: immutable once loaded, so every const call may run on any number of threads
// at once. Reloading a pack makes a new Pack; one is never changed in place.
class Pack {
public:
    // Reads every *.rules file in `directory` and the data files they name. Every problem (a file
    // that cannot be read, a syntax or type error, a limit exceeded) is a diagnostic in the result,
    // never an exception. Thread-safe.
    static LoadResult load_directory(const std::string& directory);
    // The same from files held in memory (e.g. a pack stored in a decision log), by relative path.
    static LoadResult load_files(const std::string& label, std::vector<std::pair<std::string, std::string>> files);

    const std::string& name() const;
    const std::string& version() const;
    // "sha256:<hex>" over the pack's files in a canonical order (see docs/language.md).
    const std::string& digest() const;
    const std::vector<std::pair<std::string, std::string>>& files() const;

    // Parses, validates and decides one JSON document. Thread-safe. Every input the pack cannot
    // decide, and every failure while deciding it (out of memory; an internal error of the engine,
    // which is a bug in Frontdoor and says so), comes back as a refusal: nothing is thrown.
    Decided decide(std::string_view json_text, const DecideOptions& options = {}) const;
    // The two halves of decide(): read and validate (JSON syntax, declared types, refusal rules),
    // then decide an input that was read (by this pack). Both thread-safe; neither throws.
    ReadResult read(std::string_view json_text) const;
    Decided decide(const Input& input, const DecideOptions& options = {}) const;
    // decide(), written into `decided`: its strings are emptied and refilled, keeping their memory,
    // so that a caller that reuses one Decided (a batch loop, a service's worker) makes decisions
    // that allocate nothing on the heap once the thread has made a few (deciding an Input; reading
    // JSON text still allocates). Thread-safe, as decide() is; never throws.
    void decide_into(std::string_view json_text, Decided& decided, const DecideOptions& options = {}) const;
    void decide_into(const Input& input, Decided& decided, const DecideOptions& options = {}) const;
    // The JSON Schema (2020-12) equivalent to the pack's declared input. Thread-safe.
    std::string input_schema() const;
    // The decision graph as Graphviz DOT or JSON. Thread-safe.
    std::string graph(GraphFormat format) const;
    // The dictionary a compact explanation refers to (DecideOptions::compact_explanation), one JSON
    // document: {"ruleset":{…},"format":"frontdoor-explain-dictionary/1","entries":[{…},…]}, where
    // "$ref":K stands for the members of entries[K]. The same for every pack with this digest.
    std::string explanation_dictionary() const;
    // A decision this pack made, with its compact explanation (if it has one) written in full: the
    // bytes a decision without compact_explanation has. A full decision comes back as it is.
    // Throws std::invalid_argument when the decision is not one of this pack's (another digest, no
    // ruleset) or refers to an entry the dictionary does not have. Thread-safe.
    std::string expand_explanation(std::string_view decision) const;

private:
    friend struct PackAccess;  // the engine's way to the compiled pack (engine/load/pack_access.hpp)
    explicit Pack(std::shared_ptr<const engine::CompiledPack> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const engine::CompiledPack> impl_;
};

// Whether `decision` (a decision's JSON, as a pack wrote it) has a compact explanation: one that
// Pack::expand_explanation writes in full. Thread-safe.
bool has_compact_explanation(std::string_view decision);

// The engine's version, recorded with every decision in a log.
const char* engine_version();

}  // namespace frontdoor
