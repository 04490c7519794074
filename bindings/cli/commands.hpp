#pragma once
// The subcommands of the `frontdoor` program. Each takes its own arguments (after the subcommand
// name) and returns the process exit status.
#include <string>
#include <vector>

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
int run_replay(const Args& args);       // cmd_replay.cpp

// Shared helpers.
bool wants_help(const Args& args);
// The value after `--name`, or "" when absent; `found` tells whether the flag was present.
std::string option(const Args& args, const std::string& name, bool* found = nullptr);
bool flag(const Args& args, const std::string& name);
// Arguments that are neither flags nor flag values (flags listed in `with_value` take one).
std::vector<std::string> positional(const Args& args, const std::vector<std::string>& with_value);

}  // namespace frontdoor::cli
