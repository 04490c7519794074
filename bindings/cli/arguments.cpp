// The command line's one argument checker: every command states the options it takes, and an
// argument it does not take is refused here, for all commands alike, before anything runs.
#include "commands.hpp"

#include "frontdoor/diagnostic.hpp"

#include <algorithm>
#include <iostream>
#include <regex>
#include <thread>

#include <sched.h>

namespace frontdoor::cli {

namespace {

// Options every command has.
const std::vector<std::string> common_with_value = {"--log-level"};
const std::vector<std::string> common_flags = {"--help", "-h"};

bool listed(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

bool takes_value(const OptionSpec& spec, const std::string& name) {
    return listed(spec.with_value, name) || listed(common_with_value, name);
}

bool looks_like_option(const std::string& argument) { return argument.size() > 1 && argument[0] == '-'; }

// Why `argument` is not an option of the command, with the closest one it has.
std::string unknown_option(const std::string& argument, const OptionSpec& spec) {
    std::vector<std::string> known = spec.with_value;
    known.insert(known.end(), spec.flags.begin(), spec.flags.end());
    known.insert(known.end(), common_with_value.begin(), common_with_value.end());
    known.push_back("--help");
    std::string name = argument.substr(0, argument.find('='));
    if (name != argument && takes_value(spec, name))
        return "unknown option '" + argument + "'; write the value after a space: " + name + " " +
               argument.substr(name.size() + 1);
    std::string suggestion = did_you_mean(argument, known);
    return "unknown option '" + argument + "'" + (suggestion.empty() ? " (see --help)" : suggestion);
}

// The first problem with `args`, or "".
std::string argument_problem(const Args& args, const OptionSpec& spec) {
    std::size_t operands = 0;
    std::vector<std::pair<std::string, std::string>> given;  // option, its value
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& argument = args[i];
        if (takes_value(spec, argument)) {
            if (i + 1 == args.size() || (args[i + 1].size() > 2 && args[i + 1].rfind("--", 0) == 0))
                return "the option '" + argument + "' needs a value";
            auto before = std::find_if(given.begin(), given.end(), [&](const auto& g) { return g.first == argument; });
            if (before != given.end() && !listed(spec.repeatable, argument))
                return "the option '" + argument + "' is given twice ('" + before->second + "', then '" + args[i + 1] +
                       "'): give it once";
            given.emplace_back(argument, args[i + 1]);
            ++i;
        } else if (looks_like_option(argument)) {
            if (!listed(spec.flags, argument) && !listed(common_flags, argument)) return unknown_option(argument, spec);
        } else if (++operands > spec.operands) {
            return "unexpected argument '" + argument + "'";
        }
    }
    return "";
}

}  // namespace

bool arguments_ok(const std::string& command, const Args& args, const OptionSpec& spec) {
    std::string problem = argument_problem(args, spec);
    if (problem.empty()) return true;
    std::cerr << "frontdoor " << command << ": " << problem << "\n";
    return false;
}

bool wants_help(const Args& args) {
    return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

std::string option(const Args& args, const std::string& name, bool* found) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == name) {
            if (found) *found = true;
            return args[i + 1];
        }
    }
    if (found) *found = false;
    return "";
}

std::vector<std::string> options(const Args& args, const std::string& name) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name) values.push_back(args[++i]);
    return values;
}

bool flag(const Args& args, const std::string& name) { return std::find(args.begin(), args.end(), name) != args.end(); }

std::vector<std::string> positional(const Args& args, const OptionSpec& spec) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (takes_value(spec, args[i])) ++i;
        else if (!looks_like_option(args[i])) out.push_back(args[i]);
    }
    return out;
}

bool pack_directory(const std::string& command, const Args& args, const OptionSpec& spec, std::string& dir) {
    bool has_rules = false;
    std::string rules = option(args, "--rules", &has_rules);
    auto operands = positional(args, spec);
    if (has_rules && operands.empty()) {
        dir = rules;
        return true;
    }
    if (!has_rules && operands.size() == 1) {
        dir = operands[0];
        return true;
    }
    std::cerr << "frontdoor " << command << ": give one pack directory, as --rules DIR (or on its own), e.g. frontdoor "
              << command << " --rules rules/hackney\n";
    return false;
}

namespace {

// The processors this process may run on: what `taskset` or a container's CPU set leaves it, which
// std::thread::hardware_concurrency (every online processor) does not see. A run pinned to one core
// then decides on one thread, as a one-core measurement means.
unsigned usable_cores() {
    cpu_set_t usable;
    CPU_ZERO(&usable);
    if (sched_getaffinity(0, sizeof usable, &usable) == 0) return std::max(1, CPU_COUNT(&usable));
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

bool thread_count(const std::string& command, const Args& args, unsigned& threads, const std::string& name) {
    bool given = false;
    std::string text = option(args, name, &given);
    if (!given) {
        threads = std::min(usable_cores(), 999u);
        return true;
    }
    if (!std::regex_match(text, std::regex("[1-9][0-9]{0,2}"))) {
        std::cerr << "frontdoor " << command << ": " << name << " takes a number of threads from 1 to 999, not '"
                  << text << "'\n";
        return false;
    }
    threads = static_cast<unsigned>(std::stoul(text));
    return true;
}

}  // namespace frontdoor::cli
