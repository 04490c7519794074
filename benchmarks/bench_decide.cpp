// Measures the speed floors on one core: compiling a pack, reading (parsing and
// validating) a contact, deciding an already-read contact with and without its explanation.
//   bench_decide RULES_DIR CONTACTS.jsonl [REPEAT]
// Prints medians and 99th percentiles. Figures go to docs/performance.md with the command.
#include "frontdoor/frontdoor.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Summary {
    double median_us;
    double p99_us;
};

Summary summarise(std::vector<double>& samples) {
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[std::min(samples.size() - 1, samples.size() * 99 / 100)]};
}

template <typename F>
double time_us(F&& f) {
    auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_decide RULES_DIR CONTACTS.jsonl [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 3 ? std::stoi(argv[3]) : 3;
    std::vector<double> compile;
    std::shared_ptr<const frontdoor::Pack> pack;
    for (int i = 0; i < 30; ++i) compile.push_back(time_us([&] { pack = frontdoor::Pack::load_directory(argv[1]).pack; }));
    if (!pack) {
        std::fprintf(stderr, "the pack does not load: run frontdoor check %s\n", argv[1]);
        return 1;
    }
    std::ifstream in(argv[2]);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    std::vector<frontdoor::Input> inputs;
    std::vector<double> read, plain, explained;
    std::size_t refused = 0, bytes = 0;
    for (const auto& line : lines) {
        frontdoor::ReadResult result;
        read.push_back(time_us([&] { result = pack->read(line); }));
        if (result.input) inputs.push_back(*result.input);
        else ++refused;
    }
    frontdoor::DecideOptions without{false}, with{true};
    // FRONTDOOR_BENCH_ONLY=plain|explained runs one kind only (for profiling).
    const char* only = std::getenv("FRONTDOOR_BENCH_ONLY");
    bool run_plain = !only || std::string(only) == "plain", run_explained = !only || std::string(only) == "explained";
    for (int r = 0; r < repeat; ++r) {
        for (const auto& input : inputs) {
            if (run_plain) plain.push_back(time_us([&] { bytes += pack->decide(input, without).json.size(); }));
            if (run_explained) explained.push_back(time_us([&] { bytes += pack->decide(input, with).json.size(); }));
        }
    }
    if (plain.empty()) plain.push_back(0);
    if (explained.empty()) explained.push_back(0);
    auto c = summarise(compile), rd = summarise(read), p = summarise(plain), e = summarise(explained);
    std::printf("contacts: %zu (%zu refused), repeat %d\n", lines.size(), refused, repeat);
    std::printf("compile pack          median %9.1f us   p99 %9.1f us\n", c.median_us, c.p99_us);
    std::printf("read + validate       median %9.2f us   p99 %9.2f us\n", rd.median_us, rd.p99_us);
    std::printf("decide, no explain    median %9.2f us   p99 %9.2f us\n", p.median_us, p.p99_us);
    std::printf("decide, with explain  median %9.2f us   p99 %9.2f us\n", e.median_us, e.p99_us);
    std::printf("(output bytes %zu)\n", bytes);
    return 0;
}
