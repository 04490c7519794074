// The decision log's group commit on its own (issue 12: `serve --record` waits for it): appends
// groups of explained decisions to a fresh SQLite log, one durable transaction a group, as the
// service's writer thread does, and prints the time of each append (median, p99) and records/s.
//
//   bench_log_append RULES CONTACTS.jsonl [--group 20] [--records 100000] [--log PATH]
//
// The contacts are decided first (with the explanation, as the service records them), then appended
// round robin; the log (default: a new file in the temporary directory) is removed afterwards.
// docs/performance.md, "The log's group commit", has the figures and the command.
#include "benchmarks/bench_util.hpp"

#include "frontdoor/frontdoor.hpp"
#include "frontdoor/records.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Arguments {
    std::string rules, contacts, log;
    std::size_t group = 20;
    std::size_t records = 100000;
};

Arguments read_arguments(int argc, char** argv) {
    Arguments arguments;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        auto value = [&] {
            if (i + 1 >= argc) throw std::invalid_argument(word + " needs a value");
            return std::string(argv[++i]);
        };
        if (word == "--group") arguments.group = std::stoul(value());
        else if (word == "--records") arguments.records = std::stoul(value());
        else if (word == "--log") arguments.log = value();
        else positional.push_back(word);
    }
    if (positional.size() != 2 || arguments.group == 0)
        throw std::invalid_argument(
            "usage: bench_log_append RULES CONTACTS.jsonl [--group 20] [--records 100000] [--log PATH]");
    arguments.rules = positional[0];
    arguments.contacts = positional[1];
    if (arguments.log.empty())
        arguments.log =
            (std::filesystem::temp_directory_path() / ("bench_log_append." + std::to_string(::getpid()) + ".db"))
                .string();
    return arguments;
}

void remove_log(const std::string& log) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(log + suffix);
}

}  // namespace

int main(int argc, char** argv) try {
    using namespace frontdoor;
    Arguments arguments = read_arguments(argc, argv);
    auto loaded = Pack::load_directory(arguments.rules);
    if (!loaded.pack) throw std::runtime_error(render_all(loaded.diagnostics));
    std::vector<DecisionLog::Entry> decided;
    for (const std::string& line : bench::read_lines(arguments.contacts)) {
        Decided decision = loaded.pack->decide(line, DecideOptions{true});
        if (!decision.refused) decided.push_back({line, std::move(decision.json)});
    }
    if (decided.empty()) throw std::runtime_error("no contact of " + arguments.contacts + " was decided");

    if (std::filesystem::exists(arguments.log)) throw std::runtime_error(arguments.log + " exists; give a new --log");
    std::vector<double> append_us;
    std::size_t written = 0, next = 0, bytes = 0;
    auto start = bench::Clock::now();
    {
        auto log = DecisionLog::open(arguments.log, DecisionLog::Access::append);
        std::vector<DecisionLog::Entry> group;
        while (written < arguments.records) {
            group.clear();
            for (std::size_t i = 0; i < arguments.group && written + group.size() < arguments.records; ++i) {
                group.push_back(decided[next]);
                bytes += decided[next].input.size() + decided[next].decision.size();
                next = (next + 1) % decided.size();
            }
            append_us.push_back(bench::time_us([&] { log->append(*loaded.pack, group); }));
            written += group.size();
        }
    }
    double seconds = std::chrono::duration<double>(bench::Clock::now() - start).count();
    remove_log(arguments.log);
    bench::Summary each = bench::summarise(append_us);
    std::printf("%zu records in groups of %zu (%zu appends, %.0f bytes a record): %.0f records/s\n", written,
                arguments.group, append_us.size(), static_cast<double>(bytes) / static_cast<double>(written),
                static_cast<double>(written) / seconds);
    std::printf("append of a group: median %.0f us, p99 %.0f us, mean %.0f us, max %.0f us\n", each.median, each.p99,
                each.mean, each.max);
    return 0;
} catch (const std::exception& error) {
    std::fprintf(stderr, "bench_log_append: %s\n", error.what());
    return 1;
}
