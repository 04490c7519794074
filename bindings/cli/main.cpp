// `frontdoor`: check, run and explain rule packs from the command line.
#include "commands.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>

namespace {

const char* const usage = R"(frontdoor: decide contacts with a rule pack, and explain every decision.

Usage: frontdoor <command> [options]

Commands:
  check DIR                     Read a rule pack and report every problem, like a compiler.
  eval --rules DIR [FILE|-]     Decide one contact (JSON), or one per line with --jsonl.
  test DIR                      Run the pack's scenarios and show which rules none of them used.
  schema --rules DIR            Print the JSON Schema of the input the pack accepts.
  graph --rules DIR             Draw the decision graph (--format dot|json).
  fmt DIR|FILE [--check]        Print rule files in their canonical layout.
  walkthrough --rules DIR SCENARIO|CONTACT
                                Tell, step by step in plain English, how a contact is decided.
  audit verify|show --log LOG   Check a decision log's hash chain; show a recorded decision.
  replay --log LOG              Re-decide recorded contacts; --with-rules DIR shows a change's impact.

Options for every command:
  --log-level LEVEL             trace, debug, info, warn (default), error or off. Logs go to
                                standard error and never contain what a contact says.
  --help                        Explain a command: frontdoor eval --help
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto logger = spdlog::stderr_color_mt("frontdoor");
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("frontdoor: %l: %v");
    spdlog::set_level(spdlog::level::warn);
    bool has_level = false;
    std::string level = frontdoor::cli::option(args, "--log-level", &has_level);
    if (has_level) spdlog::set_level(spdlog::level::from_str(level));

    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << usage;
        return args.empty() ? 2 : 0;
    }
    static const std::map<std::string, int (*)(const frontdoor::cli::Args&)> commands = {
        {"check", frontdoor::cli::run_check}, {"eval", frontdoor::cli::run_eval},
        {"schema", frontdoor::cli::run_schema}, {"graph", frontdoor::cli::run_graph},
        {"test", frontdoor::cli::run_test}, {"fmt", frontdoor::cli::run_fmt},
        {"walkthrough", frontdoor::cli::run_walkthrough}, {"audit", frontdoor::cli::run_audit},
        {"replay", frontdoor::cli::run_replay}};
    auto command = commands.find(args[0]);
    if (command == commands.end()) {
        std::cerr << "frontdoor: unknown command '" << args[0] << "'\n\n" << usage;
        return 2;
    }
    try {
        return command->second(frontdoor::cli::Args(args.begin() + 1, args.end()));
    } catch (const std::exception& error) {
        spdlog::critical("internal error: {}", error.what());
        return 3;
    }
}
