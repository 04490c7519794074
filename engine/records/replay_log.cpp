// Replaying a decision log: each recorded input is decided again with the pack recorded with it,
// loaded from the log, and the new decision must be byte-identical to the recorded one. A
// difference is a determinism bug or tampering (or, across engine versions, a changed engine).
#include "engine/records/chunk_pipeline.hpp"
#include "frontdoor/replay.hpp"

#include <algorithm>

namespace frontdoor {

namespace {

struct ReplayItem {
    Record record;
    std::shared_ptr<const Pack> pack;  // null when the log cannot give it back
    std::string pack_error;
};

struct ReplayResult {
    std::int64_t replayed = 0;
    std::int64_t other_engine = 0;
    std::vector<ReplayDifference> differences;
};

constexpr std::size_t chunk_size = 256;

bool continuation_byte(std::string_view text, std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

// About 100 bytes of `text` around byte `at`, marked where it was cut. The cuts fall between
// characters, never inside one (a decision's citations hold "§", its inputs names in any script),
// so that the excerpt is valid UTF-8 wherever the text is.
std::string excerpt(std::string_view text, std::size_t at) {
    std::size_t from = at > 40 ? at - 40 : 0;
    while (from > 0 && continuation_byte(text, from)) --from;
    std::size_t to = std::min(text.size(), from + 100);
    while (to < text.size() && continuation_byte(text, to)) ++to;
    std::string out = from > 0 ? "..." : "";
    out += text.substr(from, to - from);
    if (to < text.size()) out += "...";
    return out;
}

std::optional<ReplayDifference> replay_one(const ReplayItem& item) {
    ReplayDifference difference{item.record.id, item.record.contact_id, "", "", ""};
    if (!item.pack) {
        difference.problem = item.pack_error;
        return difference;
    }
    // Decided again in the form it was recorded in (a compact explanation or the full one), so that
    // equal decisions are equal bytes.
    DecideOptions form;
    form.compact_explanation = has_compact_explanation(item.record.decision);
    Decided decided = item.pack->decide(item.record.input, form);
    if (decided.refused) {
        difference.problem = "its recorded input is now refused at '" + decided.path + "': " + decided.message;
        return difference;
    }
    if (decided.json == item.record.decision) return std::nullopt;
    const std::string& recorded = item.record.decision;
    std::size_t at = 0;
    while (at < recorded.size() && at < decided.json.size() && recorded[at] == decided.json[at]) ++at;
    difference.problem = "the decision differs from the recorded one from byte " + std::to_string(at);
    difference.recorded = excerpt(recorded, at);
    difference.replayed = excerpt(decided.json, at);
    return difference;
}

ReplayResult replay_chunk(std::vector<ReplayItem>& items) {
    ReplayResult result;
    for (const ReplayItem& item : items) {
        ++result.replayed;
        if (item.record.engine_version != engine_version()) ++result.other_engine;
        if (auto difference = replay_one(item)) result.differences.push_back(std::move(*difference));
    }
    return result;
}

}  // namespace

ReplayReport replay_log(const DecisionLog& log, const RecordFilter& filter, unsigned threads) {
    ReplayReport report;
    records::ChunkPipeline<std::vector<ReplayItem>, ReplayResult> pipeline(
        threads, replay_chunk, [&](ReplayResult&& result) {
            report.replayed += result.replayed;
            report.other_engine += result.other_engine;
            for (auto& difference : result.differences) report.differences.push_back(std::move(difference));
        });
    std::vector<ReplayItem> chunk;
    log.scan(filter, [&](Record&& record) {
        ReplayItem item;
        item.pack = log.pack(record.pack_digest, &item.pack_error);  // compiled (or refused) once per pack
        item.record = std::move(record);
        chunk.push_back(std::move(item));
        if (chunk.size() == chunk_size) pipeline.submit(std::exchange(chunk, {}));
        return true;
    });
    if (!chunk.empty()) pipeline.submit(std::move(chunk));
    pipeline.finish();
    return report;
}

}  // namespace frontdoor
