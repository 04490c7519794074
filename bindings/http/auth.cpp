#include "auth.hpp"

#include "frontdoor/diagnostic.hpp"
#include "frontdoor/display_text.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <boost/algorithm/string/predicate.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace frontdoor::http {

namespace {

std::string raw_sha256(std::string_view text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    ::SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// The token of an Authorization header "Bearer TOKEN": the scheme in any case (RFC 9110 §11.1),
// then one or more spaces; nothing when the scheme is another or the token is empty.
std::optional<std::string_view> bearer_token(std::string_view authorization) {
    constexpr std::string_view scheme = "bearer";
    if (authorization.size() <= scheme.size() ||
        !boost::algorithm::iequals(authorization.substr(0, scheme.size()), scheme) ||
        authorization[scheme.size()] != ' ')
        return std::nullopt;
    std::string_view token = authorization.substr(scheme.size());
    token.remove_prefix(std::min(token.find_first_not_of(' '), token.size()));
    if (token.empty()) return std::nullopt;
    return token;
}

// The raw digest from "sha256:<64 lowercase hex>", or nothing.
std::optional<std::string> parse_hash(std::string_view text) {
    constexpr std::string_view prefix = "sha256:";
    if (text.substr(0, prefix.size()) != prefix || text.size() != prefix.size() + 64) return std::nullopt;
    std::string raw;
    for (std::size_t i = prefix.size(); i < text.size(); i += 2) {
        int high = hex_digit(text[i]), low = hex_digit(text[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        raw += static_cast<char>(high * 16 + low);
    }
    return raw;
}

}  // namespace

std::optional<std::uint8_t> parse_roles(std::string_view text, std::string& problem) {
    static const std::vector<std::string> names = {"decide", "audit", "admin", "metrics"};
    static const Role roles_named[] = {Role::decide, Role::audit, Role::admin, Role::metrics};
    std::uint8_t roles = 0;
    for (std::size_t start = 0;;) {
        std::size_t comma = text.find(',', start);
        std::string_view role = text.substr(start, comma == std::string_view::npos ? comma : comma - start);
        if (role.empty()) {
            problem = text.empty()                      ? "no role"
                      : start == 0                      ? "an empty role before the first comma"
                      : comma == std::string_view::npos ? "an empty role after the last comma"
                                                        : "an empty role between two commas";
            return std::nullopt;
        }
        auto known = std::find(names.begin(), names.end(), role);
        if (known == names.end()) {
            problem = "an unknown role '" + escape_for_display(role) + "'" + did_you_mean(std::string(role), names);
            return std::nullopt;
        }
        roles |= std::uint8_t(roles_named[known - names.begin()]);
        if (comma == std::string_view::npos) return roles;
        start = comma + 1;
    }
}

std::string token_hash(std::string_view token) {
    static const char digits[] = "0123456789abcdef";
    std::string text = "sha256:";
    for (unsigned char byte : raw_sha256(token)) {
        text += digits[byte >> 4];
        text += digits[byte & 15];
    }
    return text;
}

TokenTable TokenTable::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw TokensError("cannot read tokens file " + path);
    TokenTable table;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::stringstream words(line);
        std::string hash, roles, extra;
        words >> hash >> roles >> extra;
        if (hash.empty() || hash[0] == '#') continue;
        auto where = path + ":" + std::to_string(number) + ": ";
        auto digest = parse_hash(hash);
        if (!digest)
            throw TokensError(
                where + "expected sha256:<64 lowercase hex digits> (see frontdoor token hash), not a plain token");
        std::string problem;
        auto granted = parse_roles(roles, problem);
        if (!granted || !extra.empty())
            throw TokensError(where +
                              "expected the hash then roles separated by commas (decide, audit, admin, metrics)" +
                              (granted ? ", and nothing after them" : ", not " + problem));
        // The same token on two lines would be granted the roles of whichever matched last: refused.
        for (std::size_t i = 0; i < table.entries_.size(); ++i)
            if (table.entries_[i].digest == *digest)
                throw TokensError(where + "this hash is already on line " + std::to_string(table.lines_[i]) +
                                  ": give each token one line, with all its roles (decide,audit)");
        table.entries_.push_back({*digest, *granted});
        table.lines_.push_back(number);
    }
    if (in.bad()) throw TokensError("cannot read tokens file " + path);
    if (table.entries_.empty())
        throw TokensError(path + ": no tokens; every route but /healthz and /readyz would refuse all");
    return table;
}

TokenTable TokenTable::anyone() {
    TokenTable table;
    table.anyone_ = true;
    return table;
}

TokenTable::Verdict TokenTable::check(std::string_view authorization, Role role) const {
    if (role == Role::none || anyone_) return Verdict::allowed;
    std::optional<std::string_view> token = bearer_token(authorization);
    if (!token) return Verdict::unauthenticated;
    std::string digest = raw_sha256(*token);
    const Entry* found = nullptr;
    // Every entry is compared, whatever matched, so that the time taken says nothing about the table.
    for (const auto& entry : entries_)
        if (CRYPTO_memcmp(entry.digest.data(), digest.data(), digest.size()) == 0) found = &entry;
    if (!found) return Verdict::unauthenticated;
    return (found->roles & std::uint8_t(role)) ? Verdict::allowed : Verdict::forbidden;
}

}  // namespace frontdoor::http
