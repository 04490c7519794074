// `frontdoor test`: placeholder registered below until the scenario runner lands.
#include "commands.hpp"

#include <iostream>

namespace frontdoor::cli {
int run_test(const Args&) {
    std::cerr << "frontdoor test: not available yet\n";
    return 2;
}
}  // namespace frontdoor::cli
