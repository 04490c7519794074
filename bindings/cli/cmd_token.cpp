// `frontdoor token hash`: the line of a tokens file for a token read on standard input, so that the
// plain token never has to be written to a file or a command line.
#include "commands.hpp"
#include "exit_status.hpp"

#include "frontdoor/display_text.hpp"
#include "http/auth.hpp"

#include <iostream>

namespace frontdoor::cli {

int run_token(const Args& args) {
    if (wants_help(args)) {
        std::cout
            << "Usage: frontdoor token hash [--roles ROLES] < token.txt\n\n"
               "Reads one token (its first line) on standard input and prints its line for `frontdoor serve\n"
               "--tokens FILE`: sha256:<hex of the token's SHA-256> ROLES. ROLES is a comma-separated list of\n"
               "decide, audit, admin and metrics (default decide). Keep the token itself secret; the file holds only its\n"
               "hash.\n";
        return exit_ok;
    }
    const OptionSpec spec{{"--roles"}, {}, 1};
    if (!arguments_ok("token", args, spec)) return exit_usage;
    auto operands = positional(args, spec);
    if (operands.size() != 1 || operands[0] != "hash") {
        std::cerr << "frontdoor token: the only subcommand is 'hash': frontdoor token hash < token.txt\n";
        return exit_usage;
    }
    bool has_roles = false;
    std::string roles = option(args, "--roles", &has_roles);
    if (!has_roles) roles = "decide";
    if (std::string problem; !http::parse_roles(roles, problem)) {
        // A line with another role would be printed and then refused by serve at start.
        std::cerr << "frontdoor token hash: --roles takes decide, audit, admin or metrics, separated by commas "
                     "(decide,audit), not '"
                  << escape_for_display(roles) << "': " << problem << "\n";
        return exit_usage;
    }
    std::string token;
    std::getline(std::cin, token);
    if (!token.empty() && token.back() == '\r') token.pop_back();
    if (token.empty()) {
        std::cerr << "frontdoor token hash: no token on standard input\n";
        return exit_io_failed;
    }
    std::cout << http::token_hash(token) << " " << roles << "\n";
    return exit_ok;
}

}  // namespace frontdoor::cli
