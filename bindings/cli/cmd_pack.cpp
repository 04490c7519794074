// `frontdoor check`, `schema` and `graph`: commands about a pack itself.
#include "commands.hpp"
#include "exit_status.hpp"
#include "load.hpp"

#include "frontdoor/batch.hpp"
#include "frontdoor/graph.hpp"
#include "frontdoor/json_lines.hpp"
#include "frontdoor/walkthrough.hpp"

#include <iostream>

namespace frontdoor::cli {

int run_check(const Args& args) {
    if (wants_help(args)) {
        std::cout << "Usage: frontdoor check [--strict] --rules DIR    (or: frontdoor check [--strict] DIR)\n\n"
                     "Reads every .rules file in DIR and reports each problem as file:line:col with the line and a\n"
                     "caret under the spot: unknown or misspelt names (with a suggestion), values of the wrong type,\n"
                     "definitions that depend on each other in a circle, first-match decisions without 'otherwise',\n"
                     "rows that can never apply, rules without a [source \"...\"] citation, and unused definitions\n"
                     "(warnings). A pack without errors is then analysed (warnings, docs/language.md 'What check\n"
                     "warns about'): rows masked by rows above, rows that overlap a row above with another value,\n"
                     "inputs only 'otherwise' covers, enumeration members no rule mentions or no row produces.\n"
                     "--strict reports every warning as an error, for a pack's CI. Exits 0 when the pack loads (and,\n"
                     "with --strict, has no warning), 4 when there is any error, 2 for a usage error, 5 when standard\n"
                     "output cannot be written.\n";
        return 0;
    }
    const OptionSpec spec{{"--rules"}, {"--strict"}, 1};
    if (!arguments_ok("check", args, spec)) return exit_usage;
    std::string dir;
    if (!pack_directory("check", args, spec, dir)) return exit_usage;
    auto pack = flag(args, "--strict") ? load_strictly_or_report(dir) : load_or_report(dir);
    if (!pack) return exit_pack_failed;
    std::cout << "ok: " << pack->name() << " version " << pack->version() << " (" << pack->digest() << ")\n";
    return 0;
}

int run_schema(const Args& args) {
    if (wants_help(args)) {
        std::cout
            << "Usage: frontdoor schema --rules DIR\n\n"
               "Prints the JSON Schema (draft 2020-12) of the input record the pack declares, for the systems\n"
               "that send contacts. The pack's declaration is the single source of truth; this is derived from it.\n"
               "Exits 0, or 4 when the pack does not load (see frontdoor --help for the others).\n";
        return 0;
    }
    if (!arguments_ok("schema", args, {{"--rules"}, {}, 0})) return exit_usage;
    auto pack = load_or_report(option(args, "--rules"), false);
    if (!pack) return exit_pack_failed;
    std::cout << pack->input_schema() << "\n";
    return 0;
}

int run_graph(const Args& args) {
    if (wants_help(args)) {
        std::cout << "Usage: frontdoor graph --rules DIR [--format dot|json] [--contact FILE]\n\n"
                     "Draws the decision graph as a map: each definition, each decision row (its name, its condition\n"
                     "cut to "
                  << graph_label_characters
                  << " characters with the full text in the tooltip, and its citation), each\n"
                     "output field, refusal rule and input field read, with an arrow from what is read to what reads\n"
                     "it, and a legend. DOT (the default) opens in any Graphviz viewer: frontdoor graph --rules\n"
                     "rules/hackney | dot -Tsvg > graph.svg\n\n"
                     "  --contact FILE  decide FILE (a contact's JSON, or a scenario file: its contact) and show the\n"
                     "                  path it took: what applied bold and filled, marked (applied); rows tried\n"
                     "                  that did not apply dashed, marked (tried, not applied); the rest plain.\n"
                     "                  The JSON format gives each vertex a \"state\" instead.\n\n"
                     "Exits 0, 1 when the contact is refused (its refusal on standard error, as eval prints it, and\n"
                     "no graph), 4 when the pack does not load, 5 when FILE cannot be read (see frontdoor --help).\n";
        return 0;
    }
    if (!arguments_ok("graph", args, {{"--rules", "--format", "--contact"}, {}, 0})) return exit_usage;
    bool has_format = false, has_contact = false;
    std::string name = option(args, "--format", &has_format);
    GraphFormatChoice choice = has_format ? parse_graph_format(name) : GraphFormatChoice{GraphFormat::dot, ""};
    if (!choice.format) {
        std::cerr << "frontdoor graph: " << choice.problem << "\n";
        return exit_usage;
    }
    std::string contact_file = option(args, "--contact", &has_contact);
    auto pack = load_or_report(option(args, "--rules"), false);
    if (!pack) return exit_pack_failed;
    if (!has_contact) {
        std::cout << pack->graph(*choice.format);
        return exit_ok;
    }
    std::string contact;
    try {
        ReadBlock blocks = file_blocks(contact_file);
        contact = walkthrough_input(read_document(blocks), contact_file).contact;
    } catch (const ReadError& error) {
        std::cerr << "frontdoor graph: " << error.what() << "\n";
        return exit_io_failed;
    }
    DrawnGraph drawn = draw_decided_graph(*pack, *choice.format, contact);
    if (drawn.refused) {
        std::cerr << refusal_json(0, Decided{true, drawn.path, drawn.message, ""}) << "\n";
        return exit_refused;
    }
    std::cout << drawn.text;
    return exit_ok;
}

}  // namespace frontdoor::cli
