// `frontdoor walkthrough`: a trainer's step-by-step account of one decision, with what-ifs.
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/json_lines.hpp"
#include "frontdoor/testing.hpp"
#include "frontdoor/walkthrough.hpp"

#include <iostream>

#include <unistd.h>

namespace frontdoor::cli {

namespace {

// A scenario file gives its "contact" and title; anything else is taken as the input itself. Read as
// eval reads a document (frontdoor/json_lines.hpp): a directory or a read error is a ReadError.
WalkthroughInput read_input(const std::string& path) {
    ReadBlock blocks = file_blocks(path);
    return walkthrough_input(read_document(blocks), path);
}

// A scenario whose narrative tells another decision than the pack now gives: said on both streams,
// and the old narrative left out, so that it is never read as the story of this decision.
bool warn_if_stale(const Walkthrough& walkthrough, const WalkthroughInput& read, std::string& title) {
    auto stale = stale_expectations(walkthrough, read);
    if (stale.empty()) return false;
    std::string warning = render_stale_warning(stale);
    std::cout << warning;
    std::cerr << "frontdoor walkthrough: " << warning;
    title = read.heading;
    return true;
}

}  // namespace

int run_walkthrough(const Args& args) {
    if (wants_help(args)) {
        std::cout
            << "Usage: frontdoor walkthrough --rules DIR SCENARIO|CONTACT [--what-if PATH=VALUE ...] [--format text|md]\n\n"
               "Tells, step by step in plain English, how one contact is decided: the facts read, each\n"
               "definition and threshold, each row of each decision tried in order and why it did or did not\n"
               "apply (the facts those rows read are among the facts read), how each deadline was counted on\n"
               "the calendar, and the result with its citations.\n"
               "SCENARIO is a scenario file (its contact is used) or CONTACT a contact's JSON file.\n\n"
               "  --what-if PATH=VALUE  change a fact and show what changed in the decision and why. PATH is\n"
               "                        dotted (child.birth_date) or a JSON pointer (/indicators/0); VALUE is\n"
               "                        JSON (\"2010-03-01\", true, [\"bullying\"]); the word absent removes it.\n"
               "                        Each changed field, each item that appeared or disappeared and each\n"
               "                        date or time that moved is listed with the row that gave it before and\n"
               "                        now; then each step whose row or value changed.\n"
               "  --format md           Markdown, for handouts. Text is coloured when shown on a terminal\n"
               "                        (--no-color to turn that off).\n\n"
               "A scenario whose expectations the pack's decision no longer meets is reported loudly (on both\n"
               "standard output and standard error, with each expectation that differs) and its narrative,\n"
               "which tells the old decision, is not shown; the exit status is then 1.\n"
               "Control and bidirectional characters in the text shown are escaped (\\u{1b}, \\u{202e}).\n"
               "Exits 0 when the contact is decided, 1 when it is refused, 2 for a usage error, 4 when the\n"
               "pack does not load, 5 when the file cannot be read or standard output cannot be written.\n";
        return 0;
    }
    const OptionSpec spec{{"--rules", "--what-if", "--format"}, {"--no-color"}, 1, {"--what-if"}};
    if (!arguments_ok("walkthrough", args, spec)) return exit_usage;
    auto files = positional(args, spec);
    if (files.size() != 1) {
        std::cerr << "frontdoor walkthrough: give one scenario or contact file\n";
        return exit_usage;
    }
    bool has_format = false;
    std::string format = option(args, "--format", &has_format);
    if (has_format && format != "text" && format != "md") {
        std::cerr << "frontdoor walkthrough: --format is text or md, not '" << format << "'\n";
        return exit_usage;
    }
    auto pack = load_or_report(option(args, "--rules"), false);
    if (!pack) return exit_pack_failed;
    WalkthroughInput read;
    try {
        read = read_input(files[0]);
    } catch (const ReadError& error) {
        std::cerr << "frontdoor walkthrough: " << error.what() << "\n";
        return exit_io_failed;
    }
    bool markdown = format == "md";
    bool colour = !markdown && !flag(args, "--no-color") && isatty(STDOUT_FILENO);
    std::string input = read.contact, title = read.title;
    Walkthrough before = walk_through(*pack, input);
    bool stale = warn_if_stale(before, read, title);
    std::cout << render_walkthrough(before, title, markdown, colour);
    auto changes = options(args, "--what-if");
    if (changes.empty()) return before.refused || stale ? 1 : 0;
    std::string changed = input;
    std::string prefix = "contact.";
    for (auto& change : changes) {
        std::string error;
        if (change.rfind(prefix, 0) == 0) change = change.substr(prefix.size());
        if (!apply_what_if(changed, change, error)) {
            std::cerr << "frontdoor walkthrough: " << error << "\n";
            return exit_usage;
        }
    }
    Walkthrough after = walk_through(*pack, changed);
    std::cout << "\n" << render_what_if(before, after, changes, markdown, colour);
    return after.refused ? 1 : 0;
}

}  // namespace frontdoor::cli
