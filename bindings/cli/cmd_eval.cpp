// `frontdoor eval`: decide contacts.
#include "commands.hpp"
#include "load.hpp"

#include "engine/json_writer.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace frontdoor::cli {

namespace {

std::string refusal_line(std::size_t line, const Decided& decided) {
    std::string out;
    engine::JsonWriter json(out);
    json.begin_object();
    if (line > 0) {
        json.key("line");
        json.integer(static_cast<std::int64_t>(line));
    }
    json.key("error");
    json.begin_object();
    json.key("path");
    json.string(decided.path);
    json.key("message");
    json.string(decided.message);
    json.end_object();
    json.end_object();
    return out;
}

int decide_lines(const Pack& pack, std::istream& in, const DecideOptions& options) {
    std::string line, out;
    std::size_t number = 0, decided = 0, refused = 0;
    out.reserve(1 << 20);
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Decided result = pack.decide(line, options);
        if (result.refused) {
            ++refused;
            out += refusal_line(number, result);
        } else {
            ++decided;
            out += result.json;
        }
        out += '\n';
        if (out.size() > (1 << 20) - 65536) {
            std::cout << out;
            out.clear();
        }
    }
    std::cout << out << std::flush;
    spdlog::info("{} inputs decided, {} refused", decided, refused);
    return refused > 0 ? 1 : 0;
}

}  // namespace

int run_eval(const Args& args) {
    if (wants_help(args)) {
        std::cout << "Usage: frontdoor eval --rules DIR [--jsonl] [--no-explain] [FILE|-]\n\n"
                     "Decides contacts with the rule pack in DIR and prints each decision as JSON: the outcome,\n"
                     "deadlines and flags, the ruleset (name, version, digest) and an explanation that lists every\n"
                     "rule that decided it, with its citation and the facts it read.\n\n"
                     "  FILE or -      one JSON contact (or, with --jsonl, one per line); standard input by default.\n"
                     "  --jsonl        one contact per line in, exactly one line out per contact, in order. A contact\n"
                     "                 that cannot be decided gives {\"line\": N, \"error\": {\"path\", \"message\"}} and\n"
                     "                 the rest go on. Empty lines are skipped.\n"
                     "  --no-explain   leave the explanation out (for speed tests; the decision schema needs it).\n\n"
                     "Exits 1 if any contact was refused, 0 otherwise.\n";
        return 0;
    }
    auto files = positional(args, {"--rules"});
    bool has_rules = false;
    std::string rules = option(args, "--rules", &has_rules);
    if (!has_rules) {
        std::cerr << "frontdoor eval: say which pack decides, e.g. --rules rules/hackney\n";
        return 2;
    }
    auto pack = load_or_report(rules, false);
    if (!pack) return 1;
    DecideOptions options;
    options.explain = !flag(args, "--no-explain");
    std::ifstream file;
    std::istream* in = &std::cin;
    if (!files.empty() && files[0] != "-") {
        file.open(files[0], std::ios::binary);
        if (!file) {
            std::cerr << "frontdoor eval: cannot read " << files[0] << "\n";
            return 2;
        }
        in = &file;
    }
    if (flag(args, "--jsonl")) return decide_lines(*pack, *in, options);
    std::string text((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
    Decided result = pack->decide(text, options);
    if (result.refused) {
        std::cout << refusal_line(0, result) << "\n";
        return 1;
    }
    std::cout << result.json << "\n";
    return 0;
}

}  // namespace frontdoor::cli
