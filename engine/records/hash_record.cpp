// The hashes of a decision log. Every field is length-prefixed, so that no two different records
// can be written as the same bytes (moving a byte from the input to the decision changes the hash).
#include "engine/records/hash_record.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace frontdoor::records {

namespace {

// An incremental SHA-256 that frees its OpenSSL context however it is left.
class Sha256 {
public:
    Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
        if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256 is not available from OpenSSL");
    }
    void add(std::string_view bytes) { EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()); }
    // Adds "<name>\0<byte length>\0<bytes>".
    void field(std::string_view name, std::string_view bytes) {
        add(name);
        add(std::string_view("\0", 1));
        add(std::to_string(bytes.size()));
        add(std::string_view("\0", 1));
        add(bytes);
    }
    std::string hex() {
        unsigned char hash[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(context_.get(), hash, &length);
        static const char* const digits = "0123456789abcdef";
        std::string out = "sha256:";
        for (unsigned int i = 0; i < length; ++i) {
            out += digits[hash[i] >> 4];
            out += digits[hash[i] & 15];
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context_;
};

}  // namespace

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

std::string digest_pack_files(PackFiles files) {
    std::sort(files.begin(), files.end());
    Sha256 sha;
    for (const auto& [path, content] : files) sha.field(path, content);
    return sha.hex();
}

}  // namespace frontdoor::records
