// `frontdoor serve`: the HTTP decision service (bindings/http, docs/service.md). This file only
// reads the options, loads the pack and the tokens, and hands over to listen_and_serve.
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "http/serve.hpp"
#include "http/workspace/publish_client.hpp"

#include <cctype>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

namespace frontdoor::cli {

namespace {

void print_serve_help() {
    http::ServiceLimits d;
    std::cout
        << "Usage: frontdoor serve --rules DIR (--tokens FILE | --no-auth) [--listen HOST:PORT] [options]\n\n"
           "Serves decisions over HTTP/1.1 with the rule pack in DIR until SIGINT or SIGTERM, then stops\n"
           "gracefully (no new connections, requests in flight answered). Prints one line,\n"
           "\"listening on http://ADDRESS:PORT\", once it accepts connections. Routes, auth and limits:\n"
           "docs/service.md.\n\n"
           "  --listen HOST:PORT    address to listen on (default 127.0.0.1:8080; port 0 picks a free port).\n"
           "                        HOST is an IP address ([::1]:8080 for IPv6) or localhost.\n"
           "  --tokens FILE         bearer tokens: one line per token, 'sha256:<hex> role[,role]' with the\n"
           "                        roles decide, audit, admin, metrics (# starts a comment); see\n"
           "                        `frontdoor token hash`. A bad line refuses to start, naming file:line.\n"
           "  --no-auth             no tokens: every route is open to anyone. Loopback addresses only.\n"
           "  --allow-plain-http    listen without TLS on an address that is not loopback.\n"
           "  --tls-cert FILE       serve HTTPS (TLS 1.2 or later) with this PEM certificate chain ...\n"
           "  --tls-key FILE        ... and its PEM private key; both or neither. An unusable file refuses\n"
           "                        to start (exit 5), naming the file.\n"
           "  --workspace DIR       serve the workspace for the pack in DIR (the page and its API;\n"
           "                        docs/workspace.md); DIR is also the pack served unless --rules is given.\n"
           "  --web DIR             the built page (web/dist); by default found beside the program.\n"
           "  --publish-to PUBDIR   the workspace publishes its pack into PUBDIR, the directory a running\n"
           "                        decision service watches (frontdoor serve --rules PUBDIR).\n"
           "  --publish-service URL that service (http://127.0.0.1:PORT, or https://HOST[:PORT]): asked to\n"
           "                        reload after a publish, and watched until the new pack is active.\n"
           "  --publish-token-file F  an admin bearer token of that service, when it has --tokens.\n"
           "  --routes              print every route (METHOD PATH, then the query parameters it takes)\n"
           "                        and exit.\n"
           "  --threads N           I/O threads (default: one per hardware thread).\n"
           "  --batch-threads N     threads that decide one batch, in chunks of 256 lines, answered in\n"
           "                        order (default: one a core the server may use).\n"
           "  --record LOG          record every decision in the decision log LOG (as eval --record) before\n"
           "                        answering it; many requests share one commit. GET /v1/decisions/{id}\n"
           "                        and GET /v1/decisions?contact_id=ID (role audit) read it back.\n"
           "Reload and shadow mode (docs/service.md):\n"
           "  --no-watch            do not reload when DIR changes (SIGHUP and POST /v1/pack:reload still do).\n"
           "  --shadow CAND         a candidate pack decides every request as well, off the response path;\n"
           "                        where it differs is counted by outcome old -> new. Reloads like DIR.\n"
           "  --shadow-out FILE     append each decision the candidate would change to FILE, one JSON line\n"
           "                        (request id, contact id, both outcomes, changed field names).\n"
           "  --shadow-record LOG   record each decision the candidate would change, as the candidate makes\n"
           "                        it, in the decision log LOG (as --record; never the --record log).\n"
           "Limits (a request past one is answered with its status and a JSON error body):\n"
           "  --max-body-bytes N        body of POST /v1/decisions (default "
        << d.body_bytes
        << "): 413\n"
           "  --max-batch-bytes N       body of POST /v1/decisions:batch, streamed; 0: no limit (default "
        << d.batch_body_bytes
        << "): 413\n"
           "  --max-batches N           batches read or decided at once (default "
        << d.concurrent_batches
        << "): 503\n"
           "  --max-header-bytes N      request line and headers (default "
        << d.header_bytes
        << "): 431\n"
           "  --max-connections N       open at once (default "
        << d.connections
        << "): 503 with Retry-After\n"
           "  --max-requests-per-connection N  then the connection is closed (default "
        << d.requests_per_connection
        << ")\n"
           "  --read-timeout-ms N       for a request's head to arrive; idle keep-alive (default "
        << d.read_timeout.count()
        << "): 408\n"
           "  --request-deadline-ms N   from a request's head to its answer: body late 408, answer late 503;\n"
           "                            a streamed batch: most idle time between pieces of body (default "
        << d.request_deadline.count()
        << ")\n"
           "  --write-timeout-ms N      for a response to be written (default "
        << d.write_timeout.count()
        << "): closed\n"
           "  --stop-grace-ms N         a graceful stop waits this long for requests in flight (default "
        << d.stop_grace.count()
        << ")\n"
           "  --record-queue N          decisions waiting for the log (default "
        << d.record_queue
        << "): 503 with Retry-After\n"
           "  --record-group N          most decisions in one commit (default "
        << d.record_group
        << ")\n\n"
           "Exits 0 after a graceful stop, 2 for a usage error or a refused configuration (no tokens, a bad\n"
           "tokens file, plain HTTP off loopback), 3 when the decision log cannot be opened for appending, 4 when\n"
           "the pack does not load, 5 when it cannot listen.\n";
}

// Reads option `name` as a positive number into `into`; false (after saying why) when it is not one.
template <typename Number>
bool read_number(const Args& args, const std::string& name, Number& into) {
    bool found = false;
    std::string text = option(args, name, &found);
    if (!found) return true;
    unsigned long long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0 ||
        value > static_cast<unsigned long long>(std::numeric_limits<Number>::max())) {
        std::cerr << "frontdoor serve: " << name << " takes a positive whole number, not '" << text << "'\n";
        return false;
    }
    into = static_cast<Number>(value);
    return true;
}

// Reads option `name` as milliseconds from 1 to a day (http::longest_time_limit).
bool read_millis(const Args& args, const std::string& name, std::chrono::milliseconds& into) {
    auto count = static_cast<unsigned long long>(into.count());
    if (!read_number(args, name, count)) return false;
    const auto longest = static_cast<unsigned long long>(http::longest_time_limit.count());
    if (count > longest) {
        std::cerr << "frontdoor serve: " << name << " takes milliseconds from 1 to " << longest << " (a day), not '"
                  << count << "'\n";
        return false;
    }
    into = std::chrono::milliseconds(count);
    return true;
}

bool read_listen(const Args& args, http::ServeOptions& options) {
    bool found = false;
    std::string listen = option(args, "--listen", &found);
    if (!found) return true;
    auto colon = listen.rfind(':');
    unsigned long port = 0;
    std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const char* digits = listen.data() + colon + 1;
    auto [end, error] = std::from_chars(digits, listen.data() + listen.size(), port);
    if (colon == std::string::npos || host.empty() || error != std::errc() || end != listen.data() + listen.size() ||
        port > 65535 || digits == end) {
        std::cerr << "frontdoor serve: --listen takes HOST:PORT, e.g. 127.0.0.1:8080, not '" << listen << "'\n";
        return false;
    }
    options.host = host;
    options.port = static_cast<unsigned short>(port);
    return true;
}

// --threads N, from 1 to 999 as every command's threads (a number of threads past what the
// system gives stopped serve with an internal error); not given, options.threads stays 0: one I/O
// thread per hardware thread.
bool read_io_threads(const Args& args, http::ServeOptions& options) {
    if (!flag(args, "--threads")) return true;
    return thread_count("serve", args, options.threads, "--threads");
}

bool read_options(const Args& args, http::ServeOptions& options) {
    auto& l = options.limits;
    return read_listen(args, options) && read_io_threads(args, options) &&
           thread_count("serve", args, l.batch_threads, "--batch-threads") &&
           read_number(args, "--max-body-bytes", l.body_bytes) &&
           read_number(args, "--max-batch-bytes", l.batch_body_bytes) &&
           read_number(args, "--max-header-bytes", l.header_bytes) &&
           read_number(args, "--max-batches", l.concurrent_batches) &&
           read_number(args, "--max-connections", l.connections) &&
           read_number(args, "--max-requests-per-connection", l.requests_per_connection) &&
           read_millis(args, "--read-timeout-ms", l.read_timeout) &&
           read_millis(args, "--write-timeout-ms", l.write_timeout) &&
           read_millis(args, "--request-deadline-ms", l.request_deadline) &&
           read_millis(args, "--stop-grace-ms", l.stop_grace) && read_number(args, "--record-queue", l.record_queue) &&
           read_number(args, "--record-group", l.record_group);
}

// --publish-to PUBDIR, --publish-service URL and --publish-token-file F (docs/workspace.md, Publishing).
bool read_publishing(const Args& args, http::Workspace& workspace) {
    namespace fs = std::filesystem;
    bool to_given = false, service_given = false, token_given = false;
    std::string to = option(args, "--publish-to", &to_given);
    std::string service = option(args, "--publish-service", &service_given);
    std::string token_file = option(args, "--publish-token-file", &token_given);
    if (!to_given && (service_given || token_given)) {
        std::cerr << "frontdoor serve: --publish-service and --publish-token-file need --publish-to PUBDIR (the "
                     "directory that service watches): its reload route reloads from its own directory\n";
        return false;
    }
    if (!to_given) return true;
    std::error_code error;
    while (to.size() > 1 && to.back() == '/') to.pop_back();
    if (!fs::is_directory(to, error)) {
        std::cerr << "frontdoor serve: --publish-to " << to << " is not a directory\n";
        return false;
    }
    if (fs::equivalent(to, workspace.pack_dir, error)) {
        std::cerr << "frontdoor serve: --publish-to " << to << " is the workspace's own directory\n";
        return false;
    }
    workspace.publish_dir = to;
    if (service_given) {
        std::string problem;
        auto url = http::parse_service_url(service, problem);
        if (!url) {
            std::cerr << "frontdoor serve: --publish-service: " << problem << "\n";
            return false;
        }
        workspace.publish_service = url->text;
    }
    if (token_given) {
        if (!service_given) {
            std::cerr << "frontdoor serve: --publish-token-file is the token of --publish-service URL; give both\n";
            return false;
        }
        std::ifstream in(token_file);
        std::getline(in, workspace.publish_token);
        while (!workspace.publish_token.empty() &&
               std::isspace(static_cast<unsigned char>(workspace.publish_token.back())))
            workspace.publish_token.pop_back();
        if (!in && !in.eof()) workspace.publish_token.clear();
        if (workspace.publish_token.empty()) {
            std::cerr << "frontdoor serve: --publish-token-file " << token_file
                      << " cannot be read or its first line is empty\n";
            return false;
        }
    }
    return true;
}

// --workspace DIR (the pack directory to edit, which is then the pack served unless --rules says
// otherwise) and --web DIR (the built page; by default found beside the program).
bool read_workspace(const Args& args, http::ServeOptions& options, bool& has_rules) {
    bool found = false;
    std::string directory = option(args, "--workspace", &found);
    if (!found) {
        bool alone = !option(args, "--web").empty() || !option(args, "--publish-to").empty() ||
                     !option(args, "--publish-service").empty() || !option(args, "--publish-token-file").empty();
        if (alone) std::cerr << "frontdoor serve: --web and the --publish options need --workspace DIR\n";
        return !alone;
    }
    while (directory.size() > 1 && directory.back() == '/') directory.pop_back();
    if (!has_rules) options.rules_dir = directory;
    has_rules = true;
    bool web_given = false;
    std::string web = option(args, "--web", &web_given);
    if (!web_given) web = find_web_assets();
    else if (!std::filesystem::is_regular_file(std::filesystem::path(web) / "index.html")) {
        std::cerr << "frontdoor serve: --web " << web
                  << " has no index.html; build the page with npm run build in web/\n";
        return false;
    }
    if (web.empty())
        std::cerr
            << "frontdoor serve: no built web page found (web/dist beside the program); serving the workspace API only\n";
    options.workspace = http::Workspace{directory, web, "", "", ""};
    return read_publishing(args, *options.workspace);
}

// --shadow-record LOG: a log of its own, beside a candidate. Two names for one file are caught by
// comparing where they lead; two URLs only as written.
bool shadow_record_ok(const http::ServeOptions& options, bool given) {
    if (!given) return true;
    if (options.shadow_record.empty()) {
        std::cerr << "frontdoor serve: --shadow-record takes a decision log's file, e.g. --shadow-record shadow.db\n";
        return false;
    }
    if (options.shadow_dir.empty()) {
        std::cerr << "frontdoor serve: --shadow-record LOG needs --shadow DIR, the candidate pack whose differing "
                     "decisions it records\n";
        return false;
    }
    auto where = [](const std::string& location) {
        std::error_code ignored;
        auto path = std::filesystem::weakly_canonical(location, ignored);
        return path.empty() ? location : path.string();
    };
    if (!options.record_log.empty() &&
        (options.shadow_record == options.record_log || where(options.shadow_record) == where(options.record_log))) {
        std::cerr << "frontdoor serve: --shadow-record and --record name the same log; give the shadow a log of its "
                     "own, or its decisions would be audited and replayed as decisions the service made\n";
        return false;
    }
    return true;
}

// The refusals that keep a service from starting open to the network by mistake.
bool configuration_ok(const http::ServeOptions& options) {
    bool loopback = http::is_loopback_host(options.host);
    if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
        std::cerr << "frontdoor serve: give --tls-cert FILE and --tls-key FILE together\n";
        return false;
    }
    if (!loopback && !options.allow_plain_http && options.tls_cert_file.empty()) {
        std::cerr
            << "frontdoor serve: refusing plain HTTP on " << options.host
            << ", which is not a loopback address: contacts would cross the network unencrypted. Give --tls-cert "
               "and --tls-key, or put it behind a TLS proxy and give --allow-plain-http, or listen on 127.0.0.1\n";
        return false;
    }
    if (options.no_auth && !options.tokens_file.empty()) {
        std::cerr << "frontdoor serve: give --tokens FILE or --no-auth, not both\n";
        return false;
    }
    if (options.no_auth && !loopback) {
        std::cerr << "frontdoor serve: --no-auth is for trying the service on a loopback address only\n";
        return false;
    }
    if (!options.no_auth && options.tokens_file.empty()) {
        std::cerr << "frontdoor serve: every route but /healthz and /readyz needs a bearer token: give --tokens FILE "
                     "(see frontdoor token hash), or --no-auth to try it on loopback\n";
        return false;
    }
    return true;
}

}  // namespace

int run_serve(const Args& args) {
    if (wants_help(args)) {
        print_serve_help();
        return exit_ok;
    }
    const OptionSpec spec{{"--rules",
                           "--listen",
                           "--tokens",
                           "--threads",
                           "--batch-threads",
                           "--max-body-bytes",
                           "--max-batch-bytes",
                           "--max-batches",
                           "--max-header-bytes",
                           "--max-connections",
                           "--max-requests-per-connection",
                           "--read-timeout-ms",
                           "--write-timeout-ms",
                           "--request-deadline-ms",
                           "--stop-grace-ms",
                           "--record",
                           "--record-queue",
                           "--record-group",
                           "--shadow",
                           "--shadow-out",
                           "--shadow-record",
                           "--tls-cert",
                           "--tls-key",
                           "--workspace",
                           "--web",
                           "--publish-to",
                           "--publish-service",
                           "--publish-token-file"},
                          {"--no-auth", "--allow-plain-http", "--no-watch", "--routes"},
                          0};
    if (!arguments_ok("serve", args, spec)) return exit_usage;
    if (flag(args, "--routes")) {
        http::print_routes(std::cout);
        return exit_ok;
    }
    http::ServeOptions options;
    bool has_rules = false;
    options.rules_dir = option(args, "--rules", &has_rules);
    options.tokens_file = option(args, "--tokens");
    options.no_auth = flag(args, "--no-auth");
    options.allow_plain_http = flag(args, "--allow-plain-http");
    bool recording = false;
    options.record_log = option(args, "--record", &recording);
    if (recording && options.record_log.empty()) {
        std::cerr << "frontdoor serve: --record takes the decision log's file, e.g. --record decisions.db\n";
        return exit_usage;
    }
    options.watch = !flag(args, "--no-watch");
    options.shadow_dir = option(args, "--shadow");
    options.shadow_out = option(args, "--shadow-out");
    if (!options.shadow_out.empty() && options.shadow_dir.empty()) {
        std::cerr
            << "frontdoor serve: --shadow-out FILE needs --shadow DIR, the candidate pack whose differences it holds\n";
        return exit_usage;
    }
    bool shadow_recording = false;
    options.shadow_record = option(args, "--shadow-record", &shadow_recording);
    if (!shadow_record_ok(options, shadow_recording)) return exit_usage;
    options.tls_cert_file = option(args, "--tls-cert");
    options.tls_key_file = option(args, "--tls-key");
    if (!read_workspace(args, options, has_rules)) return exit_usage;
    if (!has_rules) {
        std::cerr << "frontdoor serve: say which pack decides, e.g. --rules rules/hackney\n";
        return exit_usage;
    }
    try {
        if (!read_options(args, options) || !configuration_ok(options)) return exit_usage;
        auto tokens = options.no_auth ? http::TokenTable::anyone() : http::TokenTable::load(options.tokens_file);
        auto pack = load_or_report(options.rules_dir, false);
        if (!pack) return exit_pack_failed;
        if (!options.shadow_dir.empty() && !(options.shadow_pack = load_or_report(options.shadow_dir, false)))
            return exit_pack_failed;
        http::listen_and_serve(options, std::move(pack), std::move(tokens), std::cout);
        return exit_ok;
    } catch (const http::TokensError& error) {
        std::cerr << "frontdoor serve: " << error.what() << "\n";
        return exit_usage;
    } catch (const http::RecordLogError& error) {
        std::cerr << "frontdoor serve: " << error.what() << "\n";
        return exit_log_failed;
    } catch (const http::ServeError& error) {
        std::cerr << "frontdoor serve: " << error.what() << "\n";
        return exit_io_failed;
    }
}

}  // namespace frontdoor::cli
