// Measures the speed floors on one core: compiling a pack, reading (parsing and
// validating) a contact, deciding an already-read contact with and without its explanation.
//   bench_decide RULES_DIR CONTACTS.jsonl [REPEAT]
// Every contact is timed on its own (steady_clock around one call); the decisions are repeated
// REPEAT times (default 3). Prints median, 99th percentile, mean and fastest sample per stage:
//   parse JSON        the engine's strict JSON reader alone (engine::JsonDocument);
//   read + validate   Pack::read: parse, check against the declared input, apply the refusals;
//   validate only     read minus parse, contact by contact: the cost of input validation itself;
//   decide            Pack::decide on a read contact, without and with the explanation, over the
//                     whole corpus read beforehand (the contact's memory is cold: it was read
//                     thousands of contacts ago); each kind in its own passes, as in a batch;
//   decide just read  the same, timed right after reading the contact (its memory is warm), as
//                     in eval, replay and a hub's call (read, then decide), one pass per kind;
//   read + decide     the two together, contact by contact: a decision from JSON text.
// Figures go to docs/performance.md with the command.
#include "bench_util.hpp"
#include "engine/json/json_document.hpp"
#include "frontdoor/frontdoor.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace frontdoor::bench;

void print(const char* what, const std::vector<double>& samples) {
    Summary s = summarise(samples);
    std::printf("%-32s median %9.2f us   p99 %9.2f us   mean %9.2f us   min %8.2f us\n", what, s.median, s.p99, s.mean,
                s.min);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_decide RULES_DIR CONTACTS.jsonl [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 3 ? std::stoi(argv[3]) : 3;
    double load0 = load_average();
    std::vector<double> compile;
    std::shared_ptr<const frontdoor::Pack> pack;
    for (int i = 0; i < 30; ++i)
        compile.push_back(time_us([&] { pack = frontdoor::Pack::load_directory(argv[1]).pack; }));
    if (!pack) {
        std::fprintf(stderr, "the pack does not load: run frontdoor check %s\n", argv[1]);
        return 1;
    }
    auto lines = read_lines(argv[2]);
    std::vector<frontdoor::Input> inputs;
    std::vector<double> parse, read, validate;
    std::vector<std::size_t> line_of;  // by input: its line
    std::size_t refused = 0, bytes = 0;
    frontdoor::engine::JsonDocument document;
    frontdoor::DecideOptions without{false}, with{true};
    // FRONTDOOR_BENCH_ONLY=plain|explained runs one kind of the cold decisions only (for profiling).
    const char* only = std::getenv("FRONTDOOR_BENCH_ONLY");
    bool run_plain = !only || std::string(only) == "plain", run_explained = !only || std::string(only) == "explained";
    for (const auto& line : lines) {
        frontdoor::ReadResult result;
        double p = time_us([&] { bytes += document.parse(line).has_value(); });
        double r = time_us([&] { result = pack->read(line); });
        parse.push_back(p);
        read.push_back(r);
        validate.push_back(r - p);
        if (result.input) {
            inputs.push_back(*result.input);
            line_of.push_back(read.size() - 1);
        } else {
            ++refused;
        }
    }
    // Decided right after reading, one pass per kind of decision (a batch run decides with the
    // explanation or without it, not both in turn).
    std::vector<double> warm_plain, warm_explained;
    auto read_then_decide = [&](const frontdoor::DecideOptions& options, std::vector<double>& decided) {
        for (const auto& line : lines) {
            frontdoor::ReadResult result = pack->read(line);
            if (result.input)
                decided.push_back(time_us([&] { bytes += pack->decide(*result.input, options).json.size(); }));
        }
    };
    if (!only) {
        read_then_decide(without, warm_plain);
        read_then_decide(with, warm_explained);
    }
    // Each kind of decision has its own passes over the corpus, as a batch run has: a plain
    // decision is not timed right after an explained one has filled the caches with its trace
    // and kilobytes of text.
    std::vector<double> plain, explained, text_plain, text_explained;
    auto decide_all = [&](const frontdoor::DecideOptions& options, std::vector<double>& decided,
                          std::vector<double>& from_text) {
        for (int r = 0; r < repeat; ++r) {
            for (std::size_t k = 0; k < inputs.size(); ++k) {
                double d = time_us([&] { bytes += pack->decide(inputs[k], options).json.size(); });
                decided.push_back(d);
                from_text.push_back(read[line_of[k]] + d);
            }
        }
    };
    if (run_plain) decide_all(without, plain, text_plain);
    if (run_explained) decide_all(with, explained, text_explained);
    if (plain.empty()) plain.push_back(0), text_plain.push_back(0);
    if (explained.empty()) explained.push_back(0), text_explained.push_back(0);
    if (warm_plain.empty()) warm_plain.push_back(0), warm_explained.push_back(0);
    std::printf("contacts: %zu (%zu refused), repeat %d; load average %.2f at start, %.2f at end\n", lines.size(),
                refused, repeat, load0, load_average());
    Summary c = summarise(compile);
    std::printf("%-32s median %9.1f us   p99 %9.1f us   mean %9.1f us   min %8.1f us\n",
                "compile pack (load_directory)", c.median, c.p99, c.mean, c.min);
    print("parse JSON (strict reader)", parse);
    print("read + validate", read);
    print("validate only (read - parse)", validate);
    print("decide, no explain", plain);
    print("decide, with explain", explained);
    print("decide just read, no explain", warm_plain);
    print("decide just read, with explain", warm_explained);
    print("read + decide, no explain", text_plain);
    print("read + decide, with explain", text_explained);
    std::printf("(output bytes %zu)\n", bytes);
    return 0;
}
