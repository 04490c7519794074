// Reading a decision log: records by filter, and stored packs compiled back into Packs. A pack is
// loaded from the log's copy of its files, never from disk, so a replay uses the rules that were
// in force even after the pack's directory changed or was deleted.
#include "engine/records/hash_record.hpp"
#include "engine/records/record_store.hpp"

#include <regex>
#include <stdexcept>

namespace frontdoor {

namespace {

// Times of recording are all UTC and stored as "2024-05-01T09:30:00.123Z"; the bounds are compared
// with their start. A bound written with a closing "Z" (2024-05-01T09:30Z) means the same time,
// but compared as text its 'Z' sorts after every digit, ':' and '.', so that `from` would leave
// out the records of its own minute (or second): the 'Z' is dropped before comparing.
RecordFilter without_utc_mark(RecordFilter filter) {
    for (std::string* bound : {&filter.from, &filter.to})
        if (!bound->empty() && (bound->back() == 'Z' || bound->back() == 'z')) bound->pop_back();
    return filter;
}

}  // namespace

std::string time_bounds_problem(const RecordFilter& filter) {
    static const std::regex utc(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?[Zz]?)?)");
    for (const auto& [name, bound] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
        if (bound->empty() || std::regex_match(*bound, utc)) continue;
        return std::string("the bound '") + name + "' is \"" + *bound +
               "\": expected a UTC date or time, 2024-05-01 or 2024-05-01T09:00 (seconds and milliseconds "
               "may follow, and a closing Z), with no other offset";
    }
    return {};
}

void DecisionLog::scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) const {
    if (std::string problem = time_bounds_problem(filter); !problem.empty()) throw std::invalid_argument(problem);
    store_->scan(without_utc_mark(filter), visit);
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
    std::lock_guard<std::mutex> lock(packs_mutex_);
    auto cached = packs_.find(digest);
    if (cached == packs_.end()) cached = packs_.emplace(digest, load_pack(digest)).first;
    if (!cached->second.pack && error) *error = cached->second.error;
    return cached->second.pack;
}

DecisionLog::PackOrError DecisionLog::load_pack(const std::string& digest) const {
    auto fail = [](std::string why) { return PackOrError{nullptr, std::move(why)}; };
    auto stored = store_->pack(digest);
    if (!stored) return fail("the log does not hold the pack " + digest);
    if (records::digest_pack_files(stored->files) != digest)
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
