// Appending decisions to a decision log: the record ids, the recording time and the hash chain are
// made here, inside the store's write transaction, whatever the backend.
#include "engine/json/json_members.hpp"
#include "engine/records/decision_log_impl.hpp"
#include "engine/records/hash_record.hpp"
#include "engine/records/record_store.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace frontdoor {

namespace {

// The time of recording, UTC with milliseconds. This is the only wall clock Frontdoor reads; it
// describes the record and is never an input to a decision.
std::string recording_time() {
    auto now = std::chrono::system_clock::now();
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[80];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

// The decision's own "contact_id" field: its text when it is a string, its JSON otherwise,
// nothing when the pack has no such field or left it null.
std::optional<std::string> contact_id_of(std::string_view decision) {
    auto value = records::find_member(decision, "contact_id");
    if (!value || *value == "null") return std::nullopt;
    return records::unquote(*value);
}

}  // namespace

std::vector<std::int64_t> DecisionLog::append(const Pack& pack, const std::vector<Entry>& entries) {
    std::vector<std::int64_t> ids;
    if (entries.empty()) return ids;
    std::vector<std::optional<std::string>> contact_ids;
    contact_ids.reserve(entries.size());
    for (const Entry& entry : entries) contact_ids.push_back(contact_id_of(entry.decision));
    impl_->store->append([&](const records::ChainHead& head) {
        records::AppendBatch batch;
        batch.packs.push_back({pack.digest(), &pack.files()});
        std::string now = recording_time();
        std::string previous = head.hash;
        ids.clear();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            Record record;
            record.id = head.id + static_cast<std::int64_t>(i) + 1;
            record.contact_id = contact_ids[i];
            record.input = entries[i].input;
            record.decision = entries[i].decision;
            record.pack_digest = pack.digest();
            record.engine_version = engine_version();
            record.recorded_at = now;
            record.previous_hash = previous;
            record.hash = records::hash_record(record);
            previous = record.hash;
            ids.push_back(record.id);
            batch.records.push_back(std::move(record));
        }
        return batch;
    });
    return ids;
}

}  // namespace frontdoor
