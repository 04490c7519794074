#pragma once
// The deciding pack's name, version and digest in the headers of every decision response, so that
// a client (or a proxy's log) knows which rules answered without reading the body.
#include "http/http_types.hpp"

#include "frontdoor/frontdoor.hpp"

namespace frontdoor::http {

inline void set_pack_headers(Response& response, const Pack& pack) {
    response.set("X-Frontdoor-Pack-Name", pack.name());
    response.set("X-Frontdoor-Pack-Version", pack.version());
    response.set("X-Frontdoor-Pack-Digest", pack.digest());
}

}  // namespace frontdoor::http
