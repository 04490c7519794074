#pragma once
// SHA-256 (OpenSSL EVP) over records and packs: the chain and the content addresses of a log.
#include "engine/records/record_store.hpp"

#include <string>
#include <string_view>

namespace frontdoor::records {

// "sha256:" and 64 zeros: the previous hash of record 1.
const std::string& genesis_hash();

// "sha256:<hex>" over the record's fields (all but `hash`), each written as
// "<name>\0<byte length>\0<bytes>" in a fixed order; an absent contact id has length "-".
std::string hash_record(const Record& record);

// The pack digest recomputed from stored files: "<path>\0<byte length>\0<bytes>" per file, sorted
// by path. The same definition as the engine's (docs/language.md), computed here without
// compiling the pack, so that a pack an engine can no longer load can still be verified.
std::string digest_pack_files(PackFiles files);

}  // namespace frontdoor::records
