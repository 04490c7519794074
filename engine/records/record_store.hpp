#pragma once
// The storage interface behind a decision log. A backend keeps rows and makes appends atomic and
// durable; it never computes ids, hashes or digests, so that a second backend (PostgreSQL, say)
// is one new file and the chain stays the same whatever holds it.
#include "frontdoor/records.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace frontdoor::records {

using PackFiles = std::vector<std::pair<std::string, std::string>>;

// A pack as stored: its digest and all its files, by relative path.
struct StoredPack {
    std::string digest;
    PackFiles files;
};

// The last record of the chain; id 0 and the genesis hash when the log is empty.
struct ChainHead {
    std::int64_t id = 0;
    std::string hash;
};

// A pack an append's records use: its files are stored only if its digest is new, so they are
// borrowed from the caller's Pack, not copied into every batch (a pack is some 200 KB).
struct PackToStore {
    std::string digest;
    const PackFiles* files;
};

// What one append writes: the packs its records use and the records, already chained.
struct AppendBatch {
    std::vector<PackToStore> packs;
    std::vector<Record> records;
};

class RecordStore {
public:
    virtual ~RecordStore() = default;
    // One write transaction that shuts out other writers: reads the head, asks `build` for the
    // batch, stores it (a pack's files only if its digest is new) and commits durably before it
    // returns. If anything throws, nothing is kept.
    virtual void append(const std::function<AppendBatch(const ChainHead&)>& build) = 0;
    // Records matching `filter` in id order, until `visit` returns false.
    virtual void scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) = 0;
    virtual std::vector<std::string> pack_digests() = 0;
    // The stored files of a pack, or nothing when no pack has that digest.
    virtual std::optional<StoredPack> pack(const std::string& digest) = 0;
    // Why the store is not laid out exactly as this backend makes it (an extra trigger, view,
    // index, table or column, or a missing or changed one), or "". append() checks it inside its
    // transaction and refuses to write when there is any difference.
    virtual std::string layout_problem() = 0;
};

// The SQLite backend: one file, WAL mode, created whole with permissions 0600 (create_sqlite_log.cpp),
// checkpointed off the commits when appending (sqlite_store.hpp).
std::unique_ptr<RecordStore> open_sqlite_store(const std::string& path, bool append);

// The PostgreSQL backend: `url` is a libpq URL (postgresql://...); the log is three tables in the
// connection's current schema, made on the first append (postgres_store.hpp). Messages name the
// URL without its password.
std::unique_ptr<RecordStore> open_postgres_store(const std::string& url, bool append);

// The one place that tells the backends apart: a location starting "postgresql://" or
// "postgres://" (libpq's URL schemes) is a PostgreSQL log; anything else is a SQLite file's path.
bool names_postgres_log(const std::string& location);
std::unique_ptr<RecordStore> open_record_store(const std::string& location, bool append);

}  // namespace frontdoor::records
