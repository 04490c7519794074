#pragma once
// Small helpers shared by the benchmark programs: timing, percentiles, memory figures from
// /proc/self/status and malloc, reading a JSON-lines corpus. Header-only, benchmarks only.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace frontdoor::bench {

using Clock = std::chrono::steady_clock;

template <typename F>
double time_us(F&& f) {
    auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// Median, 99th percentile, mean, minimum and maximum of a set of samples.
struct Summary {
    double median = 0, p99 = 0, mean = 0, min = 0, max = 0;
};

inline Summary summarise(std::vector<double> samples) {
    Summary s;
    if (samples.empty()) return s;
    std::sort(samples.begin(), samples.end());
    s.median = samples[samples.size() / 2];
    s.p99 = samples[std::min(samples.size() - 1, samples.size() * 99 / 100)];
    double total = 0;
    for (double x : samples) total += x;
    s.mean = total / static_cast<double>(samples.size());
    s.min = samples.front();
    s.max = samples.back();
    return s;
}

// A field of /proc/self/status in kB ("VmHWM", the peak resident set; "VmRSS", the current one).
inline long status_kb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line, prefix = std::string(field) + ":";
    while (std::getline(status, line))
        if (line.rfind(prefix, 0) == 0) return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
    return -1;
}

// Bytes of heap the program holds right now (malloc's view: allocated and not yet freed).
inline double heap_bytes() { return static_cast<double>(mallinfo2().uordblks + mallinfo2().hblkhd); }

// The non-empty lines of a JSON-lines file, at most `limit` of them (0: all).
inline std::vector<std::string> read_lines(const std::string& path, std::size_t limit = 0) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        std::exit(2);
    }
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line) && (limit == 0 || lines.size() < limit);)
        if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The one-minute load average, printed with every run: above the number of cores, wall-clock
// figures are stretched by other work on the machine.
inline double load_average() {
    double load = -1;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &load) != 1) load = -1;
        std::fclose(f);
    }
    return load;
}

}  // namespace frontdoor::bench
