#pragma once
// SHA-256 over records: the chain of a decision log. (A pack's digest is engine/load/digest_pack.hpp.)
#include "engine/records/record_store.hpp"

#include <string>
#include <string_view>

namespace frontdoor::records {

// "sha256:" and 64 zeros: the previous hash of record 1.
const std::string& genesis_hash();

// "sha256:<hex>" over the record's fields (all but `hash`), each written as
// "<name>\0<byte length>\0<bytes>" in a fixed order; an absent contact id has length "-".
std::string hash_record(const Record& record);

}  // namespace frontdoor::records
