// The pack's digest: what a decision names as the rules it was made by.
#include "engine/load_pipeline.hpp"

#include <openssl/evp.h>

namespace frontdoor::engine {

// sha256 over each file as "<path>\0<byte length>\0<bytes>", files sorted by path.
std::string digest_pack_files(const std::vector<std::pair<std::string, std::string>>& files) {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
    for (const auto& [path, content] : files) {
        std::string header = path + '\0' + std::to_string(content.size()) + '\0';
        EVP_DigestUpdate(context, header.data(), header.size());
        EVP_DigestUpdate(context, content.data(), content.size());
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context, hash, &length);
    EVP_MD_CTX_free(context);
    static const char* const hex = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[hash[i] >> 4];
        out += hex[hash[i] & 15];
    }
    return out;
}

}  // namespace frontdoor::engine
