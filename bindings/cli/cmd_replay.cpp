// `frontdoor replay`: not written yet; the command is registered so that its file can land alone.
#include "commands.hpp"

#include <iostream>

namespace frontdoor::cli {
int run_replay(const Args&) {
    std::cerr << "frontdoor replay: not available in this build yet\n";
    return 2;
}
}  // namespace frontdoor::cli
