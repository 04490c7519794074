#include "commands.hpp"

#include <algorithm>

namespace frontdoor::cli {

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

bool flag(const Args& args, const std::string& name) { return std::find(args.begin(), args.end(), name) != args.end(); }

std::vector<std::string> positional(const Args& args, const std::vector<std::string>& with_value) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--log-level" || std::find(with_value.begin(), with_value.end(), args[i]) != with_value.end()) {
            ++i;
            continue;
        }
        if (args[i].size() > 1 && args[i][0] == '-' && args[i][1] == '-') continue;
        out.push_back(args[i]);
    }
    return out;
}

}  // namespace frontdoor::cli
