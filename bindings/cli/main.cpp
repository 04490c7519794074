// `frontdoor`: check, run and explain rule packs from the command line.
#include "commands.hpp"
#include "escaped_log.hpp"
#include "exit_status.hpp"
#include "standard_error.hpp"
#include "standard_output.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace {

const char* const usage = R"(frontdoor: decide contacts with a rule pack, and explain every decision.

Usage: frontdoor <command> [options]

Commands:
  check DIR                     Read a rule pack and report every problem, like a compiler.
  eval --rules DIR [FILE|-]     Decide one contact (JSON), or one per line with --jsonl.
  explain-dictionary --rules DIR
                                Print the dictionary of a compact explanation (eval --explain compact).
  expand --rules DIR [FILE|-]   Write compact decisions back with their explanation in full.
  test DIR                      Run the pack's scenarios and show which rules none of them used.
  schema --rules DIR            Print the JSON Schema of the input the pack accepts.
  graph --rules DIR             Draw the decision graph as a map (--format dot|json; --contact FILE:
                                the path that contact took).
  fmt DIR|FILE [--check]        Print rule files in their canonical layout.
  walkthrough --rules DIR SCENARIO|CONTACT
                                Tell, step by step in plain English, how a contact is decided.
  audit verify|show --log LOG   Check a decision log's hash chain; show a recorded decision.
  replay --log LOG              Re-decide recorded contacts; --with-rules DIR shows a change's impact.
  serve --rules DIR             Serve decisions over HTTP (docs/service.md).
  workspace DIR                 Edit and test the pack in DIR in a web browser (docs/workspace.md).
  token hash                    Print a tokens-file line for a token read on standard input.

Options for every command:
  --log-level LEVEL             trace, debug, info, warn (default), error or off. Logs go to
                                standard error and never contain what a contact says.
  --help                        Explain a command: frontdoor eval --help

Exit statuses, the same for every command:
  0   ok
  1   the answer is no: a contact refused, a scenario failed, a layout differs, a log's check
      found a problem, a replay found differences
  2   usage error: an unknown option, a missing value, a stray argument; nothing ran
  3   the decision log could not be opened, checked or written
  4   the rule pack does not load; its diagnostics are on standard error
  5   an input could not be read or an output could not be written (standard output full,
      closed, or a pipe whose reader went away); nothing further is decided or recorded
  70  internal error: a bug in Frontdoor
)";

// A standard input or error that is not open would hand its number to the next file opened (a
// decision log, say), and a message meant for the terminal would be written into that file.
void occupy_closed_descriptors() {
    for (int fd : {STDIN_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) >= 0) continue;
        int null = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
        if (null >= 0 && null != fd) {
            ::dup2(null, fd);
            ::close(null);
        }
    }
}

// Runs a command to its end, standard output flushed and closed; any failure becomes its exit status.
int run_command(const std::string& name, int (*command)(const frontdoor::cli::Args&),
                const frontdoor::cli::Args& args) {
    using namespace frontdoor::cli;
    try {
        int status = command(args);
        StandardOutput::finish();
        return status;
    } catch (const OutputFailed& failure) {
        StandardOutput::abandon();
        std::cerr << "frontdoor" << (name.empty() ? "" : " " + name) << ": " << StandardOutput::describe(failure)
                  << "\n";
        return exit_io_failed;
    } catch (const std::exception& error) {
        spdlog::critical("internal error: {}", error.what());
        return exit_internal;
    } catch (...) {
        spdlog::critical("internal error: an exception of unknown type");
        return exit_internal;
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace frontdoor::cli;
    occupy_closed_descriptors();
    EscapedStandardError::install();
    if (int error = StandardOutput::install(); error != 0) {
        std::cerr << "frontdoor: " << StandardOutput::describe(OutputFailed{error}) << "\n";
        return exit_io_failed;
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    auto logger = spdlog::stderr_color_mt("frontdoor");
    spdlog::set_default_logger(logger);
    use_escaped_log_pattern();
    spdlog::set_level(spdlog::level::warn);
    bool has_level = false;
    std::string level = frontdoor::cli::option(args, "--log-level", &has_level);
    // spdlog reads a name it does not know as "off": a mistyped level (INFO, debgu) would silence
    // every warning and error without a word, so only the names --help lists are taken.
    static const std::set<std::string> levels = {"trace", "debug", "info", "warn", "error", "off"};
    if (has_level && !levels.count(level)) {
        std::cerr << "frontdoor: --log-level is trace, debug, info, warn, error or off, not '" << level << "'\n";
        return exit_usage;
    }
    if (has_level) spdlog::set_level(spdlog::level::from_str(level));

    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        return run_command(
            "",
            [](const Args& none) {
                std::cout << usage;
                return none.empty() ? int(exit_usage) : int(exit_ok);
            },
            args);
    }
    static const std::map<std::string, int (*)(const frontdoor::cli::Args&)> commands = {
        {"check", frontdoor::cli::run_check},
        {"eval", frontdoor::cli::run_eval},
        {"schema", frontdoor::cli::run_schema},
        {"graph", frontdoor::cli::run_graph},
        {"test", frontdoor::cli::run_test},
        {"fmt", frontdoor::cli::run_fmt},
        {"walkthrough", frontdoor::cli::run_walkthrough},
        {"audit", frontdoor::cli::run_audit},
        {"replay", frontdoor::cli::run_replay},
        {"serve", frontdoor::cli::run_serve},
        {"token", frontdoor::cli::run_token},
        {"workspace", frontdoor::cli::run_workspace},
        {"explain-dictionary", frontdoor::cli::run_explain_dictionary},
        {"expand", frontdoor::cli::run_expand}};
    auto command = commands.find(args[0]);
    if (command == commands.end()) {
        std::cerr << "frontdoor: unknown command '" << args[0] << "'\n\n" << usage;
        return exit_usage;
    }
    return run_command(args[0], command->second, Args(args.begin() + 1, args.end()));
}
