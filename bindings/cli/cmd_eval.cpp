// `frontdoor eval`: decide contacts.
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/batch.hpp"

#include <spdlog/spdlog.h>

#include <iostream>
#include <string_view>

namespace frontdoor::cli {

namespace {

// Decides a batch with decide_batch, printing each group as it is released: with a log, a decision
// line is printed only after the transaction holding its record has committed (docs/audit.md). Each
// group is flushed as it is released, so a failed write (OutputFailed) stops the batch before the
// next group is decided or recorded: at most the one group whose printing failed is in the log
// without having been printed. A read error ends the batch with exit_io_failed, after printing (and
// recording) every line decided before it.
int decide_lines(const Pack& pack, JsonLinesReader& in, const BatchOptions& batch, DecisionLog* log) {
    BatchSummary summary =
        decide_batch(pack, in, log, batch, [](std::string_view answers) { std::cout << answers << std::flush; });
    spdlog::info("{} inputs decided, {} refused", summary.decided, summary.refused);
    if (summary.read_failure) {
        std::cerr << "frontdoor eval: " << *summary.read_failure << "\n";
        return exit_io_failed;
    }
    return summary.refused > 0 ? exit_refused : exit_ok;
}

}  // namespace

int run_eval(const Args& args) {
    if (wants_help(args)) {
        std::cout
            << "Usage: frontdoor eval --rules DIR [--jsonl [--threads N]] [--no-explain | --explain full|compact]\n"
               "                     [--record LOG] [FILE|-]\n\n"
               "Decides contacts with the rule pack in DIR and prints each decision as JSON: the outcome,\n"
               "deadlines and flags, the ruleset (name, version, digest) and an explanation that lists every\n"
               "rule that decided it, with its citation and the facts it read.\n\n"
               "  FILE or -      one JSON contact (or, with --jsonl, one per line); standard input by default.\n"
               "  --jsonl        one contact per line in, exactly one line out per contact, in order. A contact\n"
               "                 that cannot be decided gives {\"line\": N, \"error\": {\"path\", \"message\"}} and\n"
               "                 the rest go on. Empty lines are skipped; a line ends with LF or CRLF. A line\n"
               "                 longer than "
            << (InputLimits{}.document_bytes >> 20)
            << " MiB (the limit for a document), or holding a CR\n"
               "                 that does not end it (old Mac line ends), is refused by number.\n"
               "  --threads N    with --jsonl, decide on N threads (default: one a core), in chunks of lines;\n"
               "                 the output is the same, in input order, whatever N.\n"
               "  --no-explain   leave the explanation out (for speed tests; the decision schema needs it).\n"
               "  --explain compact\n"
               "                 write each explanation entry's fixed part (rule, row, source, condition) as\n"
               "                 \"$ref\":K, an entry of `frontdoor explain-dictionary`: about a third smaller.\n"
               "                 `frontdoor expand` writes it back in full, byte for byte; replay and audit read\n"
               "                 both. --explain full (the default) is the decision schema's form.\n"
               "  --record LOG   append every decision to the decision log LOG (a SQLite file, created readable by\n"
               "                 its owner only, or a postgresql:// URL: docs/postgresql.md) with its input, its\n"
               "                 pack and a hash chain. A decision is printed\n"
               "                 only once its record is on disk. Refused contacts are not recorded. See\n"
               "                 docs/audit.md and `frontdoor audit --help`.\n\n"
               "Exits 0 when every contact was decided, 1 if any was refused, 2 for a usage error, 4 when the\n"
               "pack does not load, 5 when the input cannot be read (a directory, a read error: every decision\n"
               "made before it is printed) or standard output cannot be written (nothing after it is decided\n"
               "or recorded), and with --record 3 when the log cannot be opened, is not laid out as Frontdoor\n"
               "makes it, or a decision could not be recorded (everything printed before it was). See\n"
               "frontdoor --help.\n";
        return 0;
    }
    const OptionSpec spec{{"--rules", "--record", "--threads", "--explain"}, {"--jsonl", "--no-explain"}, 1};
    if (!arguments_ok("eval", args, spec)) return exit_usage;
    auto files = positional(args, spec);
    bool has_rules = false;
    std::string rules = option(args, "--rules", &has_rules);
    if (!has_rules) {
        std::cerr << "frontdoor eval: say which pack decides, e.g. --rules rules/hackney\n";
        return exit_usage;
    }
    BatchOptions batch;
    if (!thread_count("eval", args, batch.threads)) return exit_usage;
    if (flag(args, "--threads") && !flag(args, "--jsonl")) {
        std::cerr << "frontdoor eval: --threads goes with --jsonl: one contact is decided on one thread\n";
        return exit_usage;
    }
    DecideOptions& options = batch.decide;
    options.explain = !flag(args, "--no-explain");
    bool has_form = false;
    std::string form = option(args, "--explain", &has_form);
    if (has_form && form != "full" && form != "compact") {
        std::cerr << "frontdoor eval: --explain is full or compact, not '" << form << "'\n";
        return exit_usage;
    }
    if (has_form && !options.explain) {
        std::cerr << "frontdoor eval: --explain " << form << " and --no-explain say opposite things; give one\n";
        return exit_usage;
    }
    options.compact_explanation = form == "compact";
    bool recording = false;
    std::string log_path = option(args, "--record", &recording);
    if (recording && !options.explain) {
        std::cerr << "frontdoor eval: a recorded decision keeps its explanation; leave out --no-explain\n";
        return exit_usage;
    }
    auto pack = load_or_report(rules, false);
    if (!pack) return exit_pack_failed;
    std::unique_ptr<DecisionLog> log;
    try {
        if (recording) log = DecisionLog::open(log_path, DecisionLog::Access::append);
    } catch (const std::runtime_error& error) {
        std::cerr << "frontdoor eval: " << error.what() << "\n";
        return exit_log_failed;
    }
    try {
        ReadBlock input = file_blocks(files.empty() ? "-" : files[0]);
        if (flag(args, "--jsonl")) {
            JsonLinesReader lines(std::move(input));
            return decide_lines(*pack, lines, batch, log.get());
        }
        std::string text = read_document(input);
        Decided result = pack->decide(text, options);
        if (result.refused) {
            std::cout << refusal_json(0, result) << "\n";
            return exit_refused;
        }
        if (log) log->append(*pack, {{text, result.json}});
        std::cout << result.json << "\n";
        return exit_ok;
    } catch (const ReadError& error) {
        std::cerr << "frontdoor eval: " << error.what() << "\n";
        return exit_io_failed;
    } catch (const std::runtime_error& error) {
        if (!log) throw;
        // Nothing after the last printed decision was recorded; the log itself stays whole.
        std::cerr << "frontdoor eval: could not record a decision in " << log_path << ": " << error.what() << "\n";
        return exit_log_failed;
    }
}

}  // namespace frontdoor::cli
