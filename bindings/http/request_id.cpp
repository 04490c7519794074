#include "request_id.hpp"

#include <random>

namespace frontdoor::http {

namespace {

bool safe_token(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                  c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string request_id_for(std::string_view incoming) {
    if (safe_token(incoming)) return std::string(incoming);
    thread_local std::mt19937_64 generator{std::random_device{}()};
    static const char digits[] = "0123456789abcdef";
    std::uint64_t bits = generator();
    std::string id(16, '0');
    for (auto& c : id) {
        c = digits[bits & 15];
        bits >>= 4;
    }
    return id;
}

}  // namespace frontdoor::http
