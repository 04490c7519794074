#include "engine/load/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace frontdoor::engine {

Sha256::Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 is not available from OpenSSL");
}

void Sha256::add(std::string_view bytes) {
    if (EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()) != 1) throw std::runtime_error("SHA-256 failed");
}

void Sha256::field(std::string_view name, std::string_view bytes) {
    add(name);
    add(std::string_view("\0", 1));
    add(std::to_string(bytes.size()));
    add(std::string_view("\0", 1));
    add(bytes);
}

std::string Sha256::hex() {
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_.get(), hash, &length) != 1) throw std::runtime_error("SHA-256 failed");
    static const char* const digits = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        out += digits[hash[i] >> 4];
        out += digits[hash[i] & 15];
    }
    return out;
}

}  // namespace frontdoor::engine
