// `frontdoor replay`: re-decide a decision log with its recorded packs and confirm every decision,
// or show what a candidate pack would change, for people (text) or tools (--format json).
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/display_text.hpp"
#include "frontdoor/replay.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <regex>

namespace frontdoor::cli {

namespace {

const char* const help = R"(Usage: frontdoor replay --log LOG [--from DATE] [--to DATE] [--format text|json]
       frontdoor replay --log LOG --with-rules DIR [--from DATE] [--to DATE] [--format text|json] [--limit N]
       frontdoor replay --contacts FILE.jsonl [--contacts FILE.jsonl ...] --rules OLD --with-rules NEW
                        [--format text|json] [--limit N]

Without --with-rules, decides every recorded contact again with the pack recorded with it (kept in
the log, so the files on disk may have changed or gone) and confirms each decision is
byte-identical to the recorded one; any difference is a determinism bug or tampering. Exits 1
and lists them if there is any, 0 otherwise.

With --with-rules, shows the impact of a rule change: the recorded decisions (or, with
--contacts, each line decided under OLD) against the candidate pack NEW. A summary first: how many
contacts were replayed, changed, had only their explanation changed (a citation reworded),
unchanged, and refused by either pack; the outcome transitions (old -> new, with counts), the top
rules that made the difference, the decision fields (deadlines, flags...) that change and the packs
compared. Then each changed contact with every part of a field that changed, by path
(deadlines[2].due_at: old -> new), and a short diff of its explanation; a contact one pack refused
says why, and what the other pack decided for it. Exits 0 once the report is written. The contacts file is read as
`frontdoor eval --jsonl` reads it; if it cannot be read (a directory, a read error part way),
exits 5 with no report.

Several files are assessed as one input, read in the order given: one --contacts a file
(python3 -m frontdoor.batch impact takes globs; docs/scale.md). With one file the report names
each contact by its line ("line 4"); with several, by the file as given and its line
("contacts/a.jsonl line 4"), refused contacts too. Every file is opened before any is decided: one
that cannot be opened is named and the replay exits 5 with no report.

  --from, --to DATE   only records made in this span (UTC, inclusive): 2024-05-01, or
                      2024-05-01T09:00 for a time. Not with --contacts, whose lines have no
                      time of recording.
  --threads N         decide on N threads (default: one per core).
  --limit N           list at most N changed contacts in the text report (the summary still
                      counts every one, and says how many were left out).

A log whose layout is not exactly the one Frontdoor makes (a trigger, view, index, table or column
it did not make) is read under a warning on standard error; a replay that confirms decisions then
exits 1.

Exits 0 as above, 1 when decisions differ (or the log's layout does), 2 for a usage error, 3 when
the log cannot be opened or read, 4 when a pack given does not load, 5 when an input cannot be
read or standard output cannot be written.
)";

std::string name_of(const std::optional<std::string>& contact_id, const std::string& label) {
    return contact_id ? label + " (contact " + *contact_id + ")" : label;
}

int print_replay(const ReplayReport& report, bool json) {
    if (json) {
        nlohmann::ordered_json out = {{"replayed", report.replayed}, {"other_engine", report.other_engine}};
        out["differences"] = nlohmann::ordered_json::array();
        for (const auto& d : report.differences)
            out["differences"].push_back(
                {{"record", d.record},
                 {"contact_id", d.contact_id ? nlohmann::ordered_json(*d.contact_id) : nullptr},
                 {"problem", d.problem},
                 {"recorded", d.recorded},
                 {"replayed", d.replayed}});
        // A tampered record may hold bytes that are not UTF-8: shown replaced, not a crash.
        std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return report.differences.empty() ? exit_ok : exit_refused;
    }
    if (report.replayed == 0) {
        std::cout << "no records to replay (the log is empty, or none was made in that span)\n";
        return exit_ok;
    }
    std::cout << "replayed " << report.replayed << (report.replayed == 1 ? " record" : " records") << ": ";
    if (report.differences.empty()) std::cout << "every decision is identical to the recorded one\n";
    else std::cout << report.differences.size() << " differ\n";
    if (report.other_engine)
        std::cout << "note: " << report.other_engine << " were recorded by another engine version than "
                  << engine_version() << "\n";
    for (const auto& d : report.differences) {
        // The contact id and the problem quote the log, whose contacts came from outside: shown, never obeyed.
        std::cout << escape_for_display(name_of(d.contact_id, "record " + std::to_string(d.record)) + ": " + d.problem)
                  << "\n";
        if (!d.recorded.empty()) std::cout << "  recorded: " << d.recorded << "\n  replayed: " << d.replayed << "\n";
    }
    return report.differences.empty() ? exit_ok : exit_refused;
}

// A pack given on the command line (replay_problem has made sure it is); prints its diagnostics
// and returns null when it has errors.
std::shared_ptr<const Pack> pack_option(const Args& args, const char* name) {
    return load_or_report(option(args, name), false);
}

// The impact of NEW against OLD over the contacts files, in the order given, as one input: each
// file assessed with its name (when there are several, so that labels say which file a line is
// in) and the reports merged. Throws ReadError naming a file that cannot be read.
ImpactReport assess_files_impact(const std::vector<std::string>& files, const Pack& before, const Pack& after,
                                 unsigned threads) {
    std::vector<ImpactReport> parts;
    for (const std::string& file : files) {
        JsonLinesReader lines(file_blocks(file));
        parts.push_back(assess_contacts_impact(lines, before, after, threads, 1, {}, files.size() > 1 ? file : ""));
    }
    return parts.size() == 1 ? std::move(parts.front()) : merge_impact(std::move(parts));
}

// Warns on standard error when the log is not laid out as Frontdoor makes it; true when it is.
bool layout_ok(const DecisionLog& log) {
    std::string problem = log.layout_problem();
    if (!problem.empty())
        std::cerr << "frontdoor replay: WARNING: " << problem << "; run frontdoor audit verify on the whole log\n";
    return problem.empty();
}

// Why these arguments cannot make a replay, or "".
std::string replay_problem(const Args& args, const RecordFilter& filter) {
    bool has_log = flag(args, "--log"), has_contacts = flag(args, "--contacts");
    bool has_format = false;
    std::string format = option(args, "--format", &has_format);
    if (has_log == has_contacts) return "give --log LOG, or --contacts FILE with --rules and --with-rules (see --help)";
    if (has_contacts && (!flag(args, "--rules") || !flag(args, "--with-rules")))
        return "--contacts FILE goes with --rules OLD and --with-rules NEW (see --help)";
    if (has_log && flag(args, "--rules"))
        return "--rules goes with --contacts: a log is replayed with the packs recorded in it "
               "(--with-rules names a candidate pack)";
    if (has_contacts && (flag(args, "--from") || flag(args, "--to")))
        return "--from and --to select a log's records by their time of recording; the lines of a contacts "
               "file have none: leave them out, or replay a --log";
    if (has_format && format != "text" && format != "json") return "--format is text or json, not '" + format + "'";
    bool has_limit = false;
    std::string limit = option(args, "--limit", &has_limit);
    if (has_limit && !std::regex_match(limit, std::regex("[0-9]{1,9}")))
        return "--limit takes a number of contacts to list, from 0 to 999999999, not '" + limit + "'";
    if (has_limit && !flag(args, "--with-rules"))
        return "--limit bounds the list of an impact report: it goes with --with-rules";
    if (has_limit && format == "json") return "--limit bounds the text report; the JSON report lists every contact";
    return time_bounds_problem(filter);
}

}  // namespace

int run_replay(const Args& args) {
    if (wants_help(args)) {
        std::cout << help;
        return 0;
    }
    const OptionSpec spec{
        {"--log", "--contacts", "--rules", "--with-rules", "--from", "--to", "--format", "--threads", "--limit"},
        {},
        0,
        {"--contacts"}};
    if (!arguments_ok("replay", args, spec)) return exit_usage;
    RecordFilter filter{std::nullopt, std::nullopt, option(args, "--from"), option(args, "--to")};
    if (std::string problem = replay_problem(args, filter); !problem.empty()) {
        std::cerr << "frontdoor replay: " << problem << "\n";
        return exit_usage;
    }
    unsigned threads = 1;
    if (!thread_count("replay", args, threads)) return exit_usage;
    std::string log_path = option(args, "--log");
    std::vector<std::string> contacts = options(args, "--contacts");
    bool has_contacts = !contacts.empty();
    std::string format = option(args, "--format");
    bool json = format == "json", has_limit = false;
    std::string limit_text = option(args, "--limit", &has_limit);
    ImpactTextOptions text_options;
    if (has_limit) text_options.limit = std::stoul(limit_text);
    try {
        if (has_contacts) {
            // Every file opens before a pack is loaded or a contact decided: one that cannot is
            // named at once, as a single file always was.
            for (const std::string& file : contacts) file_blocks(file);
            auto before = pack_option(args, "--rules"), after = pack_option(args, "--with-rules");
            if (!before || !after) return exit_pack_failed;
            ImpactReport report = assess_files_impact(contacts, *before, *after, threads);
            std::cout << (json ? impact_json(report) + "\n" : impact_text(report, text_options));
            return exit_ok;
        }
        auto log = DecisionLog::open(log_path, DecisionLog::Access::read);
        bool laid_out_as_made = layout_ok(*log);
        if (!flag(args, "--with-rules")) {
            int status = print_replay(replay_log(*log, filter, threads), json);
            return laid_out_as_made ? status : exit_refused;
        }
        auto candidate = pack_option(args, "--with-rules");
        if (!candidate) return exit_pack_failed;
        ImpactReport report = assess_log_impact(*log, filter, *candidate, threads);
        std::cout << (json ? impact_json(report) + "\n" : impact_text(report, text_options));
        return exit_ok;
    } catch (const ReadError& error) {
        // A contacts file that cannot be read, at its start or part way: no report, never "0 of 0".
        std::cerr << "frontdoor replay: " << error.what() << "\n";
        return exit_io_failed;
    } catch (const std::runtime_error& error) {
        if (has_contacts) throw;
        std::cerr << "frontdoor replay: " << error.what() << "\n";
        return exit_log_failed;
    }
}

}  // namespace frontdoor::cli
