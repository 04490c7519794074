#pragma once
// Deciding a batch of inputs, one JSON document a line, and recording the decisions: the loop every
// face that takes batches (the CLI's `eval --jsonl`, the service's batch route) runs, so that they
// answer a batch in the same words and acknowledge a recorded decision only once it is on disk.
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/json_lines.hpp"
#include "frontdoor/records.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor {

// The line a batch answers for an input that was not decided, without a line end:
// {"line":N,"error":{"path":"/child/birth_date","message":"..."}}; `line` 0 leaves "line" out (a
// single document). Thread-safe; throws only std::bad_alloc.
std::string refusal_json(std::size_t line, const Decided& decided);

struct BatchOptions {
    DecideOptions decide;
    // With a log, decisions are recorded in groups of this many, one durable transaction each: one
    // disk sync per group instead of one per input.
    std::size_t record_group = 256;
    // Without a log, answers are handed to the sink once about this many bytes are waiting.
    std::size_t release_bytes = 1 << 20;
    // Threads that decide. With more than one, the calling thread reads the lines in chunks of up to
    // 256 lines (or record_group, when recording), and it and `threads - 1` more decide the chunks
    // (the calling thread decides whenever enough chunks are waiting); the answers still reach the
    // sink, and the records the log, in input order, on the calling thread. A chunk
    // is decided only once it is full or the input ends, so a caller that answers each line as it
    // arrives (an interactive stream) keeps one thread.
    unsigned threads = 1;
    // The number the batch's first line answers to: 1 for a whole file, more for a slice of one (a
    // Dask partition), so that a refusal names its line in the whole file.
    std::size_t first_line = 1;
    // Keep each refusal's line, path and message in BatchSummary::refusals, in input order.
    bool list_refusals = false;
    // When set, called for every line the pack decided or refused (not a line the reader refused:
    // too long, a stray CR), with its number, its input and the pack's answer, before the answer is
    // handed on (the service's shadow mode offers each line to its candidate pack this way). With
    // threads > 1 it is called on the deciding threads, at once and out of order: it must be
    // thread-safe, quick, and must not throw.
    std::function<void(std::size_t line, std::string_view input, const Decided& decided)> observe;
};

// A line that was not decided: its number, and the JSON path and message of its refusal line.
struct BatchRefusal {
    std::size_t line = 0;
    std::string path, message;
};

struct BatchSummary {
    std::size_t decided = 0;
    std::size_t refused = 0;
    // Why the input could not be read to its end (a ReadError's message); empty when it was. Every
    // line before the failure was decided, recorded and released.
    std::optional<std::string> read_failure;
    std::vector<BatchRefusal> refusals;  // with BatchOptions::list_refusals
};

// Receives the answers of a group of lines, in order, one line each ending in LF: a decision, or
// refusal_json. May throw to stop the batch: nothing after that group is decided or recorded.
using BatchSink = std::function<void(std::string_view answers)>;

// Decides every line of `lines` with `pack`, in order, and hands the answers to `sink` in groups.
// With a `log`, every decision is appended to it and a group reaches the sink only after the
// transaction holding its records has committed: an answer a caller sees is an acknowledged one.
// Refused lines are answered, never recorded. A read error ends the batch after releasing what
// was decided before it (summary.read_failure). Throws what DecisionLog::append throws
// (std::runtime_error: the group being recorded was neither recorded nor released) and what `sink`
// throws. Thread-safe for distinct readers and sinks; a log may be shared.
BatchSummary decide_batch(const Pack& pack, JsonLinesReader& lines, DecisionLog* log, const BatchOptions& options,
                          const BatchSink& sink);

// Makes one group of decisions of `pack` durable: returns only once every entry is on disk, and
// throws when none is (a caller that owns its log elsewhere, such as the service's group-commit
// writer, which shares one transaction among many requests).
using BatchRecorder = std::function<void(const Pack& pack, std::vector<DecisionLog::Entry> entries)>;

// decide_batch, with each group recorded by `record` instead of appended to a log: a group reaches
// the sink only after `record` returned. Throws what `record` and `sink` throw. An empty `record`
// records nothing, as a null log does.
BatchSummary decide_batch(const Pack& pack, JsonLinesReader& lines, const BatchRecorder& record,
                          const BatchOptions& options, const BatchSink& sink);

}  // namespace frontdoor
