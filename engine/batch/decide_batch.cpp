// decide_batch and refusal_json: a batch of JSON lines decided, recorded in groups and released
// only after each group's commit.
#include "engine/json/json_writer.hpp"
#include "frontdoor/batch.hpp"

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

// The answers waiting for their group to be recorded and released.
class PendingGroup {
public:
    PendingGroup(const Pack& pack, const BatchRecorder& record, const BatchOptions& options, const BatchSink& sink)
        : pack_(pack), record_(record), options_(options), sink_(sink) {
        answers_.reserve(options.release_bytes);
    }

    void add(std::string_view input, Decided&& decided, std::size_t line) {
        if (decided.refused) {
            answers_ += refusal_json(line, decided);
        } else {
            answers_ += decided.json;
            if (record_) entries_.push_back({std::string(input), std::move(decided.json)});
        }
        answers_ += '\n';
        if (answers_.size() + release_headroom > options_.release_bytes || entries_.size() >= options_.record_group)
            release();
    }

    // Records the group, then hands its answers on: never an answer before its record commits.
    void release() {
        if (record_ && !entries_.empty()) record_(pack_, std::move(entries_));
        entries_.clear();
        if (!answers_.empty()) sink_(answers_);
        answers_.clear();
    }

private:
    const Pack& pack_;
    const BatchRecorder& record_;
    const BatchOptions& options_;
    const BatchSink& sink_;
    std::string answers_;
    std::vector<DecisionLog::Entry> entries_;
};

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

BatchSummary decide_batch(const Pack& pack, JsonLinesReader& lines, const BatchRecorder& record,
                          const BatchOptions& options, const BatchSink& sink) {
    BatchSummary summary;
    PendingGroup group(pack, record, options, sink);
    JsonLine line;
    try {
        while (lines.next(line)) {
            Decided decided = line.refusal.empty() ? pack.decide(line.text, options.decide)
                                                   : Decided{true, "", std::move(line.refusal), ""};
            ++(decided.refused ? summary.refused : summary.decided);
            group.add(line.text, std::move(decided), line.number);
        }
    } catch (const ReadError& error) {
        summary.read_failure = error.what();
    }
    group.release();
    return summary;
}

}  // namespace frontdoor
