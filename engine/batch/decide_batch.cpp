// decide_batch and refusal_json: a batch of JSON lines decided, recorded in groups and released
// only after each group's commit.
#include "engine/json/json_writer.hpp"
#include "engine/records/chunk_pipeline.hpp"
#include "frontdoor/batch.hpp"

#include <mutex>
#include <utility>
#include <vector>

namespace frontdoor {

std::string refusal_json(std::size_t line, const Decided& decided) {
    std::string out;
    engine::JsonWriter json(out);
    json.begin_object();
    if (line > 0) {
        json.key("line");
        json.integer(static_cast<std::int64_t>(line));
    }
    json.key("error");
    json.begin_object();
    json.key("path");
    json.string(decided.path);
    json.key("message");
    json.string(decided.message);
    json.end_object();
    json.end_object();
    return out;
}

namespace {

// Room kept below BatchOptions::release_bytes for the next answer (an explained decision is about
// 5 KB), so that the buffer handed on stays under release_bytes; with release_bytes of 64 KiB or
// less, every answer is handed on at once.
constexpr std::size_t release_headroom = 1 << 16;

}  // namespace

BatchSummary decide_batch(const Pack& pack, JsonLinesReader& lines, DecisionLog* log, const BatchOptions& options,
                          const BatchSink& sink) {
    BatchRecorder append;
    if (log)
        append = [log](const Pack& deciding, std::vector<DecisionLog::Entry> entries) {
            log->append(deciding, entries);
        };
    return decide_batch(pack, lines, append, options, sink);
}

namespace {

// A run of lines read on the calling thread, copied out of the reader's buffer so that a worker can
// decide them while the next run is read.
struct LineChunk {
    struct Line {
        std::size_t number, begin, size;
        std::string refusal;
    };
    std::string text;
    std::vector<Line> lines;
};

// A chunk's answers, in its lines' order, and the entries to record for its decisions.
struct AnsweredChunk {
    std::string answers;
    std::vector<DecisionLog::Entry> entries;
    std::vector<BatchRefusal> refusals;  // every refusal, when listed; else empty
    std::size_t decided = 0, refused = 0;
    Decided line;  // the line being answered, its strings' memory reused from one line to the next
};

// A chunk ends after this many lines or bytes of input: small enough that 2 * threads of them in
// flight stay a few MiB, large enough that handing one to a worker costs little beside deciding it.
constexpr std::size_t chunk_lines = 256;
constexpr std::size_t chunk_bytes = 256 << 10;

// Decides one line (or answers its refusal) into `out`.
void answer_line(const Pack& pack, std::string_view input, std::size_t number, const std::string& refusal,
                 bool recording, const BatchOptions& options, AnsweredChunk& out) {
    Decided& decided = out.line;
    if (refusal.empty()) {
        pack.decide_into(input, decided, options.decide);
    } else {
        decided.refused = true;
        decided.path.clear();
        decided.message = refusal;
        decided.json.clear();
    }
    if (refusal.empty() && options.observe) options.observe(number, input, decided);
    if (decided.refused) {
        ++out.refused;
        out.answers += refusal_json(number, decided);
        if (options.list_refusals)
            out.refusals.push_back({number, std::move(decided.path), std::move(decided.message)});
    } else {
        ++out.decided;
        out.answers += decided.json;
        if (recording) out.entries.push_back({std::string(input), std::move(decided.json)});
    }
    out.answers += '\n';
}

// The one-thread loop's answers waiting for their group to be recorded and released: lines are
// answered by answer_line as the threads' chunks are, and released once the group is full.
class PendingGroup {
public:
    PendingGroup(const Pack& pack, const BatchRecorder& record, const BatchOptions& options, const BatchSink& sink,
                 BatchSummary& summary)
        : pack_(pack), record_(record), options_(options), sink_(sink), summary_(summary) {
        pending_.answers.reserve(options.release_bytes);
    }

    void add(std::string_view input, std::size_t number, const std::string& refusal) {
        answer_line(pack_, input, number, refusal, static_cast<bool>(record_), options_, pending_);
        if (pending_.answers.size() + release_headroom > options_.release_bytes ||
            pending_.entries.size() >= options_.record_group)
            release();
    }

    // Records the group, then hands its answers on: never an answer before its record commits.
    void release() {
        summary_.decided += std::exchange(pending_.decided, 0);
        summary_.refused += std::exchange(pending_.refused, 0);
        for (auto& refusal : pending_.refusals) summary_.refusals.push_back(std::move(refusal));
        pending_.refusals.clear();
        if (record_ && !pending_.entries.empty()) record_(pack_, std::move(pending_.entries));
        pending_.entries.clear();
        if (!pending_.answers.empty()) sink_(pending_.answers);
        pending_.answers.clear();
    }

private:
    const Pack& pack_;
    const BatchRecorder& record_;
    const BatchOptions& options_;
    const BatchSink& sink_;
    BatchSummary& summary_;
    AnsweredChunk pending_;
};

// Answer buffers handed back once their chunk is released, so that a long batch writes into the
// same few buffers instead of growing a fresh one for every chunk: 256 explained decisions are over
// a megabyte, and growing that anew each time cost more processor time than a second thread saved.
class AnswerBuffers {
public:
    std::string take() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (free_.empty()) return {};
        std::string buffer = std::move(free_.back());
        free_.pop_back();
        return buffer;
    }
    void give(std::string&& buffer) {
        buffer.clear();
        std::lock_guard<std::mutex> lock(mutex_);
        free_.push_back(std::move(buffer));
    }

private:
    std::mutex mutex_;
    std::vector<std::string> free_;  // at most the chunks in flight: 2 * threads
};

AnsweredChunk answer_chunk(const Pack& pack, const LineChunk& chunk, bool recording, const BatchOptions& options,
                           AnswerBuffers& buffers) {
    AnsweredChunk out;
    out.answers = buffers.take();
    for (const auto& line : chunk.lines)
        answer_line(pack, std::string_view(chunk.text.data() + line.begin, line.size),
                    line.number + options.first_line - 1, line.refusal, recording, options, out);
    return out;
}

// decide_batch on `options.threads` threads: the calling thread reads the lines into chunks, the
// workers decide them, and the answers come back to the calling thread in input order, where each
// chunk's group is recorded and then released exactly as the one-thread loop does.
BatchSummary decide_batch_on_threads(const Pack& pack, JsonLinesReader& lines, const BatchRecorder& record,
                                     const BatchOptions& options, const BatchSink& sink) {
    BatchSummary summary;
    AnswerBuffers buffers;
    std::string waiting;  // released answers not yet handed to the sink (without a recorder)
    auto hand_on = [&] {
        if (!waiting.empty()) sink(waiting);
        waiting.clear();
    };
    auto merge = [&](AnsweredChunk&& chunk) {
        summary.decided += chunk.decided;
        summary.refused += chunk.refused;
        for (auto& refusal : chunk.refusals) summary.refusals.push_back(std::move(refusal));
        if (record && !chunk.entries.empty()) {
            hand_on();
            record(pack, std::move(chunk.entries));
            sink(chunk.answers);
            buffers.give(std::move(chunk.answers));
            return;
        }
        if (waiting.empty() && chunk.answers.size() + release_headroom > options.release_bytes) {
            sink(chunk.answers);  // large enough to go on as it is, without a copy
        } else {
            waiting += chunk.answers;
            if (waiting.size() + release_headroom > options.release_bytes) hand_on();
        }
        buffers.give(std::move(chunk.answers));
    };
    bool recording = static_cast<bool>(record);
    std::size_t lines_a_chunk =
        recording ? std::min(chunk_lines, std::max<std::size_t>(options.record_group, 1)) : chunk_lines;
    records::ChunkPipeline<LineChunk, AnsweredChunk> pipeline(
        options.threads, [&](LineChunk& chunk) { return answer_chunk(pack, chunk, recording, options, buffers); },
        merge);
    LineChunk chunk;
    auto submit = [&] {
        if (chunk.lines.empty()) return;
        pipeline.submit(std::move(chunk));
        chunk = LineChunk{};
    };
    JsonLine line;
    try {
        while (lines.next(line)) {
            if (line.text.size() > chunk_bytes) {
                // A line this long is decided here, in its turn, from the reader's buffer: never
                // copied, so that it needs no more memory than on one thread, and a line too large
                // for the memory left is refused by itself as it is there.
                submit();
                pipeline.drain();
                AnsweredChunk alone;
                answer_line(pack, line.text, line.number + options.first_line - 1, line.refusal, recording, options,
                            alone);
                merge(std::move(alone));
                continue;
            }
            chunk.lines.push_back({line.number, chunk.text.size(), line.text.size(), std::move(line.refusal)});
            chunk.text += line.text;
            if (chunk.lines.size() >= lines_a_chunk || chunk.text.size() >= chunk_bytes) submit();
        }
    } catch (const ReadError& error) {
        summary.read_failure = error.what();
    }
    submit();
    pipeline.finish();
    hand_on();
    return summary;
}

}  // namespace

BatchSummary decide_batch(const Pack& pack, JsonLinesReader& lines, const BatchRecorder& record,
                          const BatchOptions& options, const BatchSink& sink) {
    if (options.threads > 1) return decide_batch_on_threads(pack, lines, record, options, sink);
    BatchSummary summary;
    PendingGroup group(pack, record, options, sink, summary);
    JsonLine line;
    try {
        while (lines.next(line)) group.add(line.text, line.number + options.first_line - 1, line.refusal);
    } catch (const ReadError& error) {
        summary.read_failure = error.what();
    }
    group.release();
    return summary;
}

}  // namespace frontdoor
