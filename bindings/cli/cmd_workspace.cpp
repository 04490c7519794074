// `frontdoor workspace DIR [serve options]`: the web workspace for the pack in DIR
// (docs/workspace.md). It is `frontdoor serve --workspace DIR`: the same HTTP stack, options,
// auth and limits, with the workspace's routes and page answered.
#include "commands.hpp"
#include "exit_status.hpp"

#include <filesystem>
#include <iostream>

namespace frontdoor::cli {

std::string find_web_assets() {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (error) return "";
    fs::path here = program.parent_path();
    // Installed: <prefix>/bin/frontdoor and <prefix>/share/frontdoor/web; built: build/frontdoor
    // beside the source tree's web/dist; or a web folder beside the program.
    for (const fs::path& candidate :
         {here / "web", here.parent_path() / "web" / "dist", here.parent_path() / "share" / "frontdoor" / "web"})
        if (fs::is_regular_file(candidate / "index.html", error)) return candidate.string();
    return "";
}

int run_workspace(const Args& args) {
    if (wants_help(args)) {
        std::cout
            << "Usage: frontdoor workspace DIR (--no-auth | --tokens FILE) [--listen HOST:PORT] [--web DIR]\n"
               "                          [--publish-to PUBDIR [--publish-service URL [--publish-token-file F]]]\n\n"
               "Serves a web page for editing and testing the rule pack in DIR, on loopback by default\n"
               "(127.0.0.1:8080; open the printed address in a browser). The editor checks each change with\n"
               "the whole pack as you type, formats on save, saves only a pack that checks clean (unless you\n"
               "save with errors), and runs the scenarios in DIR/scenarios. Every path is confined to DIR.\n"
               "Saving needs the admin role when tokens are used. With --publish-to PUBDIR (and\n"
               "--publish-service URL, --publish-token-file F) it publishes the pack to a running service.\n"
               "It is frontdoor serve --workspace DIR: every option of frontdoor serve applies (see\n"
               "frontdoor serve --help, docs/workspace.md).\n";
        return exit_ok;
    }
    if (args.empty() || args[0].empty() || args[0][0] == '-') {
        std::cerr
            << "frontdoor workspace: give the pack directory first, e.g. frontdoor workspace rules/hackney --no-auth\n";
        return exit_usage;
    }
    Args serve_args{"--workspace", args[0]};
    serve_args.insert(serve_args.end(), args.begin() + 1, args.end());
    return run_serve(serve_args);
}

}  // namespace frontdoor::cli
