// Reading a decision log: records by filter, and stored packs compiled back into Packs. A pack is
// loaded from the log's copy of its files, never from disk, so a replay uses the rules that were
// in force even after the pack's directory changed or was deleted.
#include "engine/load/digest_pack.hpp"
#include "engine/records/decision_log_impl.hpp"
#include "engine/records/hash_record.hpp"
#include "engine/records/record_store.hpp"
#include "engine/records/time_bounds.hpp"

#include <stdexcept>

namespace frontdoor {

void DecisionLog::scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) const {
    if (std::string problem = time_bounds_problem(filter); !problem.empty()) throw std::invalid_argument(problem);
    impl_->store->scan(records::without_utc_mark(filter), visit);
}

std::vector<Record> DecisionLog::find(const RecordFilter& filter) const {
    std::vector<Record> out;
    scan(filter, [&](Record&& record) {
        out.push_back(std::move(record));
        return true;
    });
    return out;
}

std::shared_ptr<const Pack> DecisionLog::pack(const std::string& digest, std::string* error) const {
    std::lock_guard<std::mutex> lock(impl_->packs_mutex);
    auto cached = impl_->packs.find(digest);
    if (cached == impl_->packs.end()) cached = impl_->packs.emplace(digest, impl_->load_pack(digest)).first;
    if (!cached->second.pack && error) *error = cached->second.error;
    return cached->second.pack;
}

std::string DecisionLog::full_decision(const Record& record) const {
    if (!has_compact_explanation(record.decision)) return record.decision;
    std::string error;
    auto made_it = pack(record.pack_digest, &error);
    if (!made_it)
        throw std::runtime_error(
            "record " + std::to_string(record.id) +
            " has a compact explanation, and the pack that can write it in full cannot be used: " + error);
    try {
        return made_it->expand_explanation(record.decision);
    } catch (const std::invalid_argument& problem) {
        throw std::runtime_error("record " + std::to_string(record.id) + ": " + problem.what());
    }
}

DecisionLog::Impl::PackOrError DecisionLog::Impl::load_pack(const std::string& digest) const {
    auto fail = [](std::string why) { return PackOrError{nullptr, std::move(why)}; };
    auto stored = store->pack(digest);
    if (!stored) return fail("the log does not hold the pack " + digest);
    if (engine::digest_pack(stored->files) != digest)
        return fail("the stored files of pack " + digest + " do not match its digest");
    LoadResult loaded = Pack::load_files("log:" + digest.substr(0, 19), stored->files);
    if (!loaded.pack) {
        std::string first;
        for (const auto& d : loaded.diagnostics)
            if (d.severity == Severity::error && first.empty()) first = ": " + d.file + ": " + d.message;
        return fail("the stored pack " + digest + " does not load with this engine" + first);
    }
    if (loaded.pack->digest() != digest)
        return fail("the stored pack " + digest + " loads with another digest, " + loaded.pack->digest());
    return PackOrError{loaded.pack, {}};
}

}  // namespace frontdoor
