// `frontdoor audit`: not written yet; the command is registered so that its file can land alone.
#include "commands.hpp"

#include <iostream>

namespace frontdoor::cli {
int run_audit(const Args&) {
    std::cerr << "frontdoor audit: not available in this build yet\n";
    return 2;
}
}  // namespace frontdoor::cli
