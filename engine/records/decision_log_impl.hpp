#pragma once
// What a DecisionLog holds behind its public, opaque face: the storage backend, and the packs
// stored in the log, compiled once per digest. Internal: no face includes this.
#include "engine/records/record_store.hpp"
#include "frontdoor/records.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace frontdoor {

struct DecisionLog::Impl {
    struct PackOrError {
        std::shared_ptr<const Pack> pack;
        std::string error;  // why there is no pack
    };
    // The pack stored under `digest`, loaded from the log's copy of its files.
    PackOrError load_pack(const std::string& digest) const;

    std::unique_ptr<records::RecordStore> store;
    std::mutex packs_mutex;
    std::map<std::string, PackOrError> packs;
};

}  // namespace frontdoor
