#pragma once
// The subcommands of the `frontdoor` program. Each takes its own arguments (after the subcommand
// name) and returns the process exit status.
#include <cstddef>
#include <string>
#include <vector>

namespace frontdoor {
class DecisionLog;
}

namespace frontdoor::cli {

using Args = std::vector<std::string>;

int run_check(const Args& args);
int run_eval(const Args& args);
int run_schema(const Args& args);
int run_graph(const Args& args);
int run_test(const Args& args);
int run_fmt(const Args& args);          // cmd_fmt.cpp
int run_walkthrough(const Args& args);  // cmd_walkthrough.cpp
int run_audit(const Args& args);        // cmd_audit.cpp
// `audit show` on an open log (cmd_audit_show.cpp).
int show_records(const DecisionLog& log, const Args& args);
int run_replay(const Args& args);              // cmd_replay.cpp
int run_serve(const Args& args);               // cmd_serve.cpp
int run_token(const Args& args);               // cmd_token.cpp
int run_workspace(const Args& args);           // cmd_workspace.cpp: `serve --workspace DIR`
int run_explain_dictionary(const Args& args);  // cmd_explanation.cpp
int run_expand(const Args& args);              // cmd_explanation.cpp
// The built web page (web/dist) found beside the program, or "" (cmd_workspace.cpp).
std::string find_web_assets();

// What a command accepts, besides --help and --log-level LEVEL, which every command has.
struct OptionSpec {
    std::vector<std::string> with_value;  // options followed by a value: --rules DIR
    std::vector<std::string> flags;       // options on their own: --jsonl
    std::size_t operands = 0;             // the most arguments that are not options: files, dirs
    // Options of with_value that may be given more than once (read with options()); any other
    // given twice is a usage error, never the first or the last silently taken.
    std::vector<std::string> repeatable = {};
};

// Checks every argument against `spec` before the command reads any: an unknown option (with
// "did you mean" when one is close), an option without its value, one given twice that is not
// repeatable, or one operand too many is
// printed as "frontdoor COMMAND: ..." on standard error and false returned; the command then
// exits 2, as for every usage error.
bool arguments_ok(const std::string& command, const Args& args, const OptionSpec& spec);
// The pack directory of a command that reads one: `--rules DIR`, or DIR given on its own (the
// older form, kept). Neither, or both, is a usage error, printed, and false returned.
bool pack_directory(const std::string& command, const Args& args, const OptionSpec& spec, std::string& dir);
// The number after `name` (1 to 999), or one a core this process may use when it is absent. Any
// other value is a usage error, printed, and false returned.
bool thread_count(const std::string& command, const Args& args, unsigned& threads,
                  const std::string& name = "--threads");

bool wants_help(const Args& args);
// The value after `--name`, or "" when absent; `found` tells whether the flag was present.
std::string option(const Args& args, const std::string& name, bool* found = nullptr);
// The values after every `--name`, in the order given: an option a command takes more than once.
std::vector<std::string> options(const Args& args, const std::string& name);
bool flag(const Args& args, const std::string& name);
// The operands: arguments that are neither options nor the values of options.
std::vector<std::string> positional(const Args& args, const OptionSpec& spec);

}  // namespace frontdoor::cli
