// `frontdoor explain-dictionary` and `frontdoor expand`: the compact explanation's dictionary, and
// compact decisions written back in full (`eval --explain compact`, docs/audit.md).
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/json_lines.hpp"

#include <iostream>
#include <stdexcept>

namespace frontdoor::cli {

int run_explain_dictionary(const Args& args) {
    if (wants_help(args)) {
        std::cout << "Usage: frontdoor explain-dictionary --rules DIR\n\n"
                     "Prints the dictionary a compact explanation (eval --explain compact) refers to, as JSON:\n"
                     "{\"ruleset\":{name,version,digest},\"format\":\"frontdoor-explain-dictionary/1\",\"entries\":"
                     "[...]}.\n"
                     "\"$ref\":K in a compact explanation stands for the members of entries[K]. The dictionary is\n"
                     "the same for every pack with the same digest. Exits 0, or 4 when the pack does not load.\n";
        return exit_ok;
    }
    if (!arguments_ok("explain-dictionary", args, {{"--rules"}, {}, 0})) return exit_usage;
    std::string dir;
    if (!pack_directory("explain-dictionary", args, {{"--rules"}, {}, 0}, dir)) return exit_usage;
    auto pack = load_or_report(dir, false);
    if (!pack) return exit_pack_failed;
    std::cout << pack->explanation_dictionary() << "\n";
    return exit_ok;
}

int run_expand(const Args& args) {
    if (wants_help(args)) {
        std::cout << "Usage: frontdoor expand --rules DIR [FILE|-]\n\n"
                     "Reads decisions, one JSON document a line (what eval --jsonl --explain compact prints), and\n"
                     "prints each with its explanation in full: byte for byte what eval prints without --explain\n"
                     "compact. A line that is already full, or a refusal line, is printed as it is. DIR must be\n"
                     "the pack that made the decisions (the same digest). A line that cannot be expanded (another\n"
                     "pack's decision, a \"$ref\" the dictionary does not have) is named on standard error and left\n"
                     "out; the rest go on. Exits 0, 1 when a line could not be expanded, 2 for a usage error, 4\n"
                     "when the pack does not load, 5 when the input cannot be read.\n";
        return exit_ok;
    }
    const OptionSpec spec{{"--rules"}, {}, 1};
    if (!arguments_ok("expand", args, spec)) return exit_usage;
    bool has_rules = false;
    std::string rules = option(args, "--rules", &has_rules);
    if (!has_rules) {
        std::cerr << "frontdoor expand: say which pack made the decisions, e.g. --rules rules/hackney\n";
        return exit_usage;
    }
    auto files = positional(args, spec);
    auto pack = load_or_report(rules, false);
    if (!pack) return exit_pack_failed;
    int status = exit_ok;
    try {
        JsonLinesReader lines(file_blocks(files.empty() ? "-" : files[0]));
        for (JsonLine line; lines.next(line);) {
            if (!line.refusal.empty()) {
                std::cerr << "frontdoor expand: line " << line.number << ": " << line.refusal << "\n";
                status = exit_refused;
                continue;
            }
            if (line.text.rfind(R"({"line":)", 0) == 0 || line.text.rfind(R"({"error":)", 0) == 0) {
                std::cout << line.text << "\n";  // a refusal line has no explanation
                continue;
            }
            try {
                std::cout << pack->expand_explanation(line.text) << "\n";
            } catch (const std::invalid_argument& problem) {
                std::cerr << "frontdoor expand: line " << line.number << ": " << problem.what() << "\n";
                status = exit_refused;
            }
        }
    } catch (const ReadError& error) {
        std::cerr << "frontdoor expand: " << error.what() << "\n";
        return exit_io_failed;
    }
    return status;
}

}  // namespace frontdoor::cli
