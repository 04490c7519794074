// Replay speed: records a corpus of contacts into a fresh decision log, then times replay_log
// (read each record from SQLite, load its pack from the log, decide again with the explanation,
// compare byte for byte) on 1 thread and on N threads, and the impact of a candidate pack.
//
//   bench_replay --rules DIR --contacts FILE.jsonl [--with-rules DIR] [--threads N] [--repeat R]
//
// Pin it to one core with `taskset -c 0` for the one-core figure. docs/performance.md ("Replay")
// has the command and the figures.
#include "frontdoor/replay.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string argument(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

std::shared_ptr<const frontdoor::Pack> load(const std::string& directory) {
    auto loaded = frontdoor::Pack::load_directory(directory);
    if (!loaded.pack) throw std::runtime_error("the pack in " + directory + " has errors");
    return loaded.pack;
}

struct Timing {
    double wall = 1e30;  // seconds
    double cpu = 1e30;   // seconds of processor time, all threads together
};

// Best of `repeat` runs of `run`. The processor time shows the work itself when other programs
// share the machine; the wall time is what a user waits.
template <class Run>
Timing best_of(int repeat, Run run) {
    Timing best;
    for (int i = 0; i < repeat; ++i) {
        std::clock_t cpu = std::clock();
        auto start = std::chrono::steady_clock::now();
        run();
        best.wall =
            std::min(best.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        best.cpu = std::min(best.cpu, static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
    }
    return best;
}

void report(const std::string& what, std::int64_t records, Timing timing) {
    auto n = static_cast<double>(records);
    std::printf("%-34s %7lld records: wall %6.3f s = %7.0f records/s; processor %6.3f s = %7.0f records/s\n",
                what.c_str(), static_cast<long long>(records), timing.wall, n / timing.wall, timing.cpu,
                n / timing.cpu);
}

}  // namespace

int main(int argc, char** argv) {
    std::string rules = argument(argc, argv, "--rules", "rules/hackney");
    std::string contacts = argument(argc, argv, "--contacts", "");
    std::string candidate_dir = argument(argc, argv, "--with-rules", "");
    unsigned threads = static_cast<unsigned>(std::stoul(
        argument(argc, argv, "--threads", std::to_string(std::max(1u, std::thread::hardware_concurrency())))));
    int repeat = std::stoi(argument(argc, argv, "--repeat", "3"));
    if (contacts.empty()) {
        std::cerr
            << "usage: bench_replay --rules DIR --contacts FILE.jsonl [--with-rules DIR] [--threads N] [--repeat R]\n";
        return 2;
    }
    auto pack = load(rules);
    std::ifstream in(contacts, std::ios::binary);
    std::vector<frontdoor::DecisionLog::Entry> entries;
    for (std::string line; std::getline(in, line);) {
        auto decided = pack->decide(line);
        if (!decided.refused) entries.push_back({line, std::move(decided.json)});
    }
    auto log_path = std::filesystem::temp_directory_path() / ("bench-replay-" + std::to_string(::getpid()) + ".db");
    {
        auto log = frontdoor::DecisionLog::open(log_path.string(), frontdoor::DecisionLog::Access::append);
        Timing timing = best_of(1, [&] {
            for (std::size_t at = 0; at < entries.size(); at += 256) {
                auto end = std::min(at + 256, entries.size());
                log->append(*pack, {entries.begin() + static_cast<long>(at), entries.begin() + static_cast<long>(end)});
            }
        });
        report("record (groups of 256, FULL sync)", static_cast<std::int64_t>(entries.size()), timing);
    }
    // The engine alone, inputs already in memory: what replay adds to it is reading and comparing.
    Timing decide_only = best_of(repeat, [&] {
        for (const auto& entry : entries)
            if (pack->decide(entry.input).json.size() != entry.decision.size()) std::cerr << "decision differs\n";
    });
    report("decide only, 1 thread (baseline)", static_cast<std::int64_t>(entries.size()), decide_only);
    auto log = frontdoor::DecisionLog::open(log_path.string(), frontdoor::DecisionLog::Access::read);
    for (unsigned n : {1u, threads}) {
        frontdoor::ReplayReport result;
        Timing timing = best_of(repeat, [&] { result = frontdoor::replay_log(*log, {}, n); });
        if (!result.differences.empty()) std::cerr << "replay found " << result.differences.size() << " differences\n";
        report("replay, " + std::to_string(n) + " thread(s)", result.replayed, timing);
        if (threads == 1) break;
    }
    if (!candidate_dir.empty()) {
        auto candidate = load(candidate_dir);
        for (unsigned n : {1u, threads}) {
            frontdoor::ImpactReport impact;
            Timing timing = best_of(repeat, [&] { impact = frontdoor::assess_log_impact(*log, {}, *candidate, n); });
            report("impact, " + std::to_string(n) + " thread(s)", static_cast<std::int64_t>(impact.compared), timing);
            if (threads == 1) break;
        }
    }
    log.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(log_path.string() + suffix);
    return 0;
}
