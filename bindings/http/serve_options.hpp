#pragma once
// What `frontdoor serve` is asked to do: the face's options, parsed by the CLI (bindings/cli/cmd_serve.cpp)
// and handed whole to listen_and_serve.
#include "http/workspace/workspace.hpp"
#include "service_limits.hpp"

#include "frontdoor/frontdoor.hpp"

#include <memory>
#include <optional>
#include <string>

namespace frontdoor::http {

struct ServeOptions {
    std::string rules_dir;           // the pack to serve (loaded before listening)
    std::string host = "127.0.0.1";  // address to listen on
    unsigned short port = 8080;      // 0: a free port, printed on the "listening on" line
    std::string tokens_file;         // bearer-token hashes and roles (auth.hpp); empty with no_auth
    bool no_auth = false;            // anonymous access to every route: loopback only
    bool allow_plain_http = false;   // plain HTTP on an address that is not loopback
    std::string tls_cert_file;       // PEM certificate chain; with tls_key_file, serve HTTPS
    std::string tls_key_file;        // PEM private key of that certificate
    unsigned threads = 0;            // I/O threads; 0 means one per hardware thread
    std::string record_log;          // --record LOG: the decision log every decision goes to; empty: none
    ServiceLimits limits;
    // Hot reload and shadow mode (docs/service.md, hot_reload.hpp).
    bool watch = true;                        // reload when rules_dir (or shadow_dir) changes
    std::string shadow_dir;                   // --shadow: the candidate pack's directory; empty: no shadow
    std::shared_ptr<const Pack> shadow_pack;  // loaded from shadow_dir by the CLI
    std::string shadow_out;                   // --shadow-out: JSON lines of differing decisions; empty: none
    std::string shadow_record;                // --shadow-record: decision log of the candidate's differing decisions
    // `frontdoor workspace DIR` (docs/workspace.md): the pack directory to edit and the page to serve.
    std::optional<Workspace> workspace;
};

}  // namespace frontdoor::http
