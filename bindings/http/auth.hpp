#pragma once
// Bearer tokens and roles. The tokens file holds one token a line as the SHA-256 of the token, never
// the token itself, with the roles it grants:
//
//   # the hub's case management system
//   sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 decide
//   sha256:...  audit,admin
//
// A request's token is hashed and compared with every line in constant time.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::http {

enum class Role : std::uint8_t { none = 0, decide = 1, audit = 2, admin = 4, metrics = 8 };
// A route open to either role: Role::metrics | Role::admin.
constexpr Role operator|(Role a, Role b) { return Role(std::uint8_t(a) | std::uint8_t(b)); }

// The tokens file cannot be used: the message names file:line and what is wrong.
class TokensError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "sha256:<64 lowercase hex digits>" of `token`.
std::string token_hash(std::string_view token);

// The roles of a tokens file's line, "decide,audit" (one or more of decide, audit, admin and
// metrics, separated by commas), as a bit set of Role; nothing for anything else, with `problem`
// naming the role at fault: an unknown one ("an unknown role 'admn'; did you mean 'admin'?") or an
// empty one ("decide,", ",decide", "decide,,audit", "": "an empty role after the last comma").
std::optional<std::uint8_t> parse_roles(std::string_view text, std::string& problem);

class TokenTable {
public:
    // Reads a tokens file; throws TokensError on the first bad line (or an unreadable or empty file).
    static TokenTable load(const std::string& path);
    // A table that lets every request in with every role (--no-auth).
    static TokenTable anyone();

    enum class Verdict { allowed, unauthenticated, forbidden };
    // Whether the Authorization header value `authorization` grants `role` (Role::none: anonymous
    // routes, always allowed). Thread-safe.
    Verdict check(std::string_view authorization, Role role) const;
    // Whether this is anyone(): every request is let in, however it was addressed.
    bool lets_anyone_in() const { return anyone_; }

private:
    struct Entry {
        std::string digest;  // 32 raw bytes of SHA-256
        std::uint8_t roles = 0;
    };
    std::vector<Entry> entries_;
    std::vector<std::size_t> lines_;  // the tokens file's line of each entry
    bool anyone_ = false;
};

}  // namespace frontdoor::http
