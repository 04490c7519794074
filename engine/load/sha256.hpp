#pragma once
// SHA-256 (OpenSSL EVP), written as "sha256:<64 hex digits>": the one hash of a pack's digest and
// of a decision log's chain. Fields are length-prefixed so that no two different sequences of
// fields can be written as the same bytes.
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace frontdoor::engine {

// An incremental SHA-256 that frees its OpenSSL context however it is left.
class Sha256 {
public:
    Sha256();
    void add(std::string_view bytes);
    // Adds "<name>\0<byte length>\0<bytes>".
    void field(std::string_view name, std::string_view bytes);
    // "sha256:<hex>" of everything added; call once.
    std::string hex();

private:
    std::unique_ptr<evp_md_ctx_st, void (*)(evp_md_ctx_st*)> context_;
};

}  // namespace frontdoor::engine
