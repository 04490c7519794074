// A face built on include/frontdoor/ alone: it loads a pack, decides through the batch loop and
// draws the graph in each format, with nothing but the public headers (all_public_headers.hpp
// includes every one of them).
#include "all_public_headers.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    frontdoor::LoadResult loaded = frontdoor::Pack::load_directory(argv[1]);
    if (!loaded.pack) {
        std::cerr << frontdoor::render_all(loaded.diagnostics);
        return 4;
    }
    std::cout << "graph formats:";
    for (const char* name : {"dot", "json", "svg"}) {
        frontdoor::GraphFormatChoice choice = frontdoor::parse_graph_format(name);
        if (choice.format) std::cout << " " << name << (loaded.pack->graph(*choice.format).empty() ? "(empty)" : "");
        else std::cout << "; " << choice.problem;
    }
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks("{}\n"));
    frontdoor::BatchSummary summary =
        frontdoor::decide_batch(*loaded.pack, lines, nullptr, {}, [](std::string_view) {});
    std::cout << "\nbatch: " << summary.decided << " decided, " << summary.refused << " refused\n";
    return 0;
}
