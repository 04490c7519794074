// `frontdoor audit verify|show`: prove a decision log is intact; show a recorded decision to an
// auditor (cmd_audit_show.cpp).
#include "commands.hpp"
#include "exit_status.hpp"

#include "frontdoor/display_text.hpp"
#include "frontdoor/records.hpp"

#include <iostream>
#include <regex>

namespace frontdoor::cli {

namespace {

const char* const help = R"(Usage: frontdoor audit verify --log LOG [--head HASH]
       frontdoor audit show --log LOG (--contact ID | --record N) [--format text|md|json]

verify  Checks every record of the decision log LOG against its own SHA-256 and the hash of the
        record before it, and every stored pack's files against its digest. Names the first
        broken record and exits 1 on any tampering; prints the head (last record and its hash)
        and exits 0 when the log is intact. --head HASH also requires the chain to hold HASH, a
        head published earlier: that catches a log cut short or rewritten as a whole.
show    Prints the recorded decisions of a contact (--contact, the decision's contact_id) or
        one record (--record N): what was decided, every step of the explanation with its
        citation, the pack and engine that decided, the time of recording and the input exactly
        as received. --format md gives Markdown for a report; json gives the record as stored.
        Each record shown is checked on its own, its content against its hash and its link to
        the record before it: one that fails is shown under a warning, and the exit status is 1.
        Only verify checks the whole log.

Both report a log whose layout is not exactly the one Frontdoor makes (a trigger, view, index,
table or column it did not make, or one missing) as a problem: verify as broken, show under a
warning. Text and Markdown escape control and bidirectional characters (\u{1b}, \u{202e}).

Exits 0 when the log (or each record shown) is intact, 1 when it is not or no record matches,
2 when the arguments are wrong, 3 when the log cannot be opened or read, 5 when standard output
cannot be written. See docs/audit.md.
)";

// Whether --head, when given, is a record hash as verify prints it: sha256: and 64 lowercase hex
// digits. An empty one (a script's `--head "$(cat head.txt)"` when the file is missing) would
// verify without the head, and a mistyped one would call an intact log broken.
bool head_ok(const Args& args) {
    bool given = false;
    std::string head = option(args, "--head", &given);
    if (!given || std::regex_match(head, std::regex("sha256:[0-9a-f]{64}"))) return true;
    std::cerr << "frontdoor audit verify: --head takes a record hash as verify prints it after 'head: record N', "
                 "sha256: and 64 lowercase hex digits, not '"
              << head << "'\n";
    return false;
}

int verify(const DecisionLog& log, const Args& args) {
    VerifyReport report = log.verify(option(args, "--head"));
    if (!report.ok()) {
        // The problem may quote what a tampered record holds: shown, never obeyed.
        std::cout << "broken: " << escape_for_display(report.problem) << "\n";
        if (report.first_broken) std::cout << "first broken record: " << report.first_broken << "\n";
        if (report.first_broken && report.records) std::cout << "records 1 to " << report.head_id << " are intact\n";
        if (!report.first_broken)
            std::cout << "the " << report.records << " records in the file are consistent with each other\n";
        return exit_refused;
    }
    std::cout << "ok: " << report.records << (report.records == 1 ? " record" : " records") << " and " << report.packs
              << (report.packs == 1 ? " pack" : " packs") << " verified\n";
    if (report.head_id) std::cout << "head: record " << report.head_id << " " << report.head_hash << "\n";
    return exit_ok;
}

}  // namespace

int run_audit(const Args& args) {
    if (wants_help(args) || args.empty()) {
        std::cout << help;
        return args.empty() ? exit_usage : exit_ok;
    }
    bool has_log = false;
    std::string path = option(args, "--log", &has_log);
    if (args[0] != "verify" && args[0] != "show") {
        std::cerr << "frontdoor audit: use 'audit verify --log LOG' or 'audit show --log LOG --record N'\n";
        return exit_usage;
    }
    const OptionSpec spec = args[0] == "verify" ? OptionSpec{{"--log", "--head"}, {}, 0}
                                                : OptionSpec{{"--log", "--contact", "--record", "--format"}, {}, 0};
    if (!arguments_ok("audit " + args[0], Args(args.begin() + 1, args.end()), spec)) return exit_usage;
    if (!has_log) {
        std::cerr << "frontdoor audit " << args[0] << ": say which log, e.g. --log decisions.db\n";
        return exit_usage;
    }
    if (args[0] == "verify" && !head_ok(args)) return exit_usage;
    std::unique_ptr<DecisionLog> log;
    try {
        log = DecisionLog::open(path, DecisionLog::Access::read);
        return args[0] == "verify" ? verify(*log, args) : show_records(*log, args);
    } catch (const std::runtime_error& error) {
        std::cerr << "frontdoor audit: " << error.what() << "\n";
        return exit_log_failed;
    }
}

}  // namespace frontdoor::cli
