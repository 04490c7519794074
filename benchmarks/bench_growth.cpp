// The growth curve: compile time, memory and decision time of packs of growing size.
//   bench_growth [--contacts N] [--compile-seconds S] [--decide-seconds D] LABEL=PACK_DIR:CONTACTS.jsonl ...
// Each pack is measured in a fresh child process (this program run again with --child), so that
// its peak resident set is its own: the child reports its resident set before loading anything,
// its peak after compiling, the heap one compiled pack holds, and then decides up to N contacts
// (default 2000) without and with explanation, in passes over them for about D seconds each (default
// 1). The parent prints one Markdown table row per pack.
// Compile time is Pack::load_files from files already in memory (parse, check, build the graph,
// fold constants), repeated for about S seconds (default 2, at least 3 and at most 50 times).
#include "bench_util.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace frontdoor::bench;

struct Options {
    std::size_t contacts = 2000;
    double compile_seconds = 2;
    double decide_seconds = 1;
};

struct CompileFigures {
    std::shared_ptr<const frontdoor::Pack> pack;
    Summary ms;
    int runs = 0;
};

CompileFigures compile(const std::vector<std::pair<std::string, std::string>>& files, double seconds) {
    CompileFigures out;
    std::vector<double> samples;
    double spent = 0;
    while (samples.size() < 3 || (spent < seconds * 1e6 && samples.size() < 50)) {
        out.pack.reset();
        double us = time_us([&] { out.pack = frontdoor::Pack::load_files("pack", files).pack; });
        samples.push_back(us / 1000);
        spent += us;
    }
    out.ms = summarise(samples);
    out.runs = static_cast<int>(samples.size());
    return out;
}

// Decides the inputs in turn, in passes over all of them, until `seconds` have been spent (at most
// 20 passes), or stops early after ten times that (large packs); returns microseconds per decision,
// and the mean size of a decision in bytes.
Summary decide_all(const frontdoor::Pack& pack, const std::vector<frontdoor::Input>& inputs, bool explain,
                   double seconds, double* mean_bytes) {
    std::vector<double> samples;
    frontdoor::DecideOptions options{explain};
    double spent = 0, bytes = 0;
    do {
        for (const auto& input : inputs) {
            double us = time_us([&] { bytes += static_cast<double>(pack.decide(input, options).json.size()); });
            samples.push_back(us);
            spent += us;
            if (spent > 10 * seconds * 1e6 && samples.size() >= 100) break;
        }
    } while (spent < seconds * 1e6 && samples.size() < 20 * inputs.size());
    *mean_bytes = bytes / static_cast<double>(samples.size());
    return summarise(samples);
}

// The child: measures one pack and prints one tab-separated line of figures.
int run_child(const std::string& dir, const std::string& contacts, const Options& options) {
    long rss_start = status_kb("VmRSS");
    double heap_start = heap_bytes();
    auto loaded = frontdoor::Pack::load_directory(dir);
    if (!loaded.pack) {
        std::fprintf(stderr, "%s does not load: run frontdoor check %s\n", dir.c_str(), dir.c_str());
        return 1;
    }
    auto files = loaded.pack->files();
    double file_bytes = 0;
    for (const auto& file : files) file_bytes += static_cast<double>(file.second.size());
    loaded.pack.reset();
    CompileFigures compiled = compile(files, options.compile_seconds);
    long hwm_compile = status_kb("VmHWM");
    double heap_pack = heap_bytes() - heap_start;
    auto vertices = boost::num_vertices(frontdoor::PackAccess::compiled(*compiled.pack).graph.graph);

    std::vector<frontdoor::Input> inputs;
    for (const auto& line : read_lines(contacts, options.contacts)) {
        auto read = compiled.pack->read(line);
        if (read.input) inputs.push_back(*read.input);
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "no contact in %s was accepted by %s\n", contacts.c_str(), dir.c_str());
        return 1;
    }
    double plain_bytes = 0, explained_bytes = 0;
    Summary plain = decide_all(*compiled.pack, inputs, false, options.decide_seconds, &plain_bytes);
    Summary explained = decide_all(*compiled.pack, inputs, true, options.decide_seconds, &explained_bytes);
    std::printf("%.0f\t%zu\t%.3f\t%.3f\t%.3f\t%d\t%ld\t%ld\t%.0f\t%zu\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%ld\n",
                file_bytes, vertices, compiled.ms.median, compiled.ms.min, compiled.ms.max, compiled.runs, rss_start,
                hwm_compile, heap_pack, inputs.size(), plain.median, plain.p99, plain.mean, explained.median,
                explained.p99, explained.mean, explained_bytes, status_kb("VmHWM"));
    return 0;
}

// Runs this program again as a child for one pack; returns its line and its peak RSS (kB).
std::string measure(const char* self, const std::string& dir, const std::string& contacts, const Options& options,
                    long* max_rss_kb) {
    int fds[2];
    if (pipe(fds) != 0) return "";
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        std::string n = std::to_string(options.contacts), c = std::to_string(options.compile_seconds),
                    d = std::to_string(options.decide_seconds);
        execl(self, self, "--child", dir.c_str(), contacts.c_str(), n.c_str(), c.c_str(), d.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string out;
    char buffer[4096];
    for (ssize_t got; (got = read(fds[0], buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    *max_rss_kb = usage.ru_maxrss;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? out : "";
}

void print_row(const std::string& label, const std::string& line, long max_rss_kb) {
    double f[18] = {};
    std::size_t at = 0;
    for (int i = 0; i < 18; ++i) {
        f[i] = std::strtod(line.c_str() + at, nullptr);
        at = line.find('\t', at);
        if (at == std::string::npos) break;
        ++at;
    }
    std::printf("| %s | %.0f | %.0f | %.2f (%.2f-%.2f, %d runs) | %.1f | %.1f | %.2f | %.1f | %.2f / %.2f / %.2f "
                "| %.2f / %.2f / %.2f | %.1f |\n",
                label.c_str(), f[0] / 1024, f[1], f[2], f[3], f[4], static_cast<int>(f[5]), f[6] / 1024, f[7] / 1024,
                f[8] / 1048576, static_cast<double>(max_rss_kb) / 1024, f[10], f[11], f[12], f[13], f[14], f[15],
                f[16] / 1024);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 7 && std::strcmp(argv[1], "--child") == 0) {
        Options options{std::stoul(argv[4]), std::stod(argv[5]), std::stod(argv[6])};
        return run_child(argv[2], argv[3], options);
    }
    Options options;
    std::vector<std::string> specs;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--contacts" && i + 1 < argc) options.contacts = std::stoul(argv[++i]);
        else if (arg == "--compile-seconds" && i + 1 < argc) options.compile_seconds = std::stod(argv[++i]);
        else if (arg == "--decide-seconds" && i + 1 < argc) options.decide_seconds = std::stod(argv[++i]);
        else specs.push_back(arg);
    }
    if (specs.empty()) {
        std::fprintf(
            stderr,
            "usage: bench_growth [--contacts N] [--compile-seconds S] [--decide-seconds D] LABEL=PACK_DIR:CONTACTS.jsonl ...\n");
        return 2;
    }
    std::printf("load average at start %.2f; %zu contacts per pack at most\n", load_average(), options.contacts);
    std::printf("| pack | rule files (KiB) | graph vertices | compile ms: median (min-max) | RSS before load (MiB) "
                "| peak RSS after compiling (MiB) | heap held by the pack (MiB) | peak RSS of the run (MiB) "
                "| decide, no explanation: median / p99 / mean us | with explanation: median / p99 / mean us "
                "| explained decision (KiB) |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    int failures = 0;
    for (const auto& spec : specs) {
        auto eq = spec.find('='), colon = spec.rfind(':');
        if (eq == std::string::npos || colon == std::string::npos || colon < eq) {
            std::fprintf(stderr, "bench_growth: expected LABEL=PACK_DIR:CONTACTS.jsonl, got %s\n", spec.c_str());
            return 2;
        }
        long max_rss_kb = 0;
        std::string line = measure("/proc/self/exe", spec.substr(eq + 1, colon - eq - 1), spec.substr(colon + 1),
                                   options, &max_rss_kb);
        if (line.empty()) {
            std::printf("| %s | failed |\n", spec.substr(0, eq).c_str());
            ++failures;
            continue;
        }
        print_row(spec.substr(0, eq), line, max_rss_kb);
        std::fflush(stdout);
    }
    std::printf("load average at end %.2f\n", load_average());
    return failures ? 1 : 0;
}
