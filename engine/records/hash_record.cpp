// The hashes of a decision log. Every field is length-prefixed, so that no two different records
// can be written as the same bytes (moving a byte from the input to the decision changes the hash).
#include "engine/records/hash_record.hpp"

#include "engine/load/sha256.hpp"

namespace frontdoor::records {

using engine::Sha256;

const std::string& genesis_hash() {
    static const std::string zeros = "sha256:" + std::string(64, '0');
    return zeros;
}

std::string hash_record(const Record& record) {
    Sha256 sha;
    sha.add("frontdoor decision record 1\n");
    sha.field("id", std::to_string(record.id));
    if (record.contact_id) {
        sha.field("contact_id", *record.contact_id);
    } else {
        sha.add(std::string_view("contact_id\0-\0", 13));
    }
    sha.field("input", record.input);
    sha.field("decision", record.decision);
    sha.field("pack_digest", record.pack_digest);
    sha.field("engine_version", record.engine_version);
    sha.field("recorded_at", record.recorded_at);
    sha.field("previous_hash", record.previous_hash);
    return sha.hex();
}

}  // namespace frontdoor::records
