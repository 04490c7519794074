// Where `frontdoor eval --jsonl` spends its time: each stage timed on its own over the same corpus.
//   bench_pipeline RULES_DIR CONTACTS.jsonl [--passes K] [--limit N] [--out FILE]
// Stages, each a whole pass over the corpus (K passes, default 3; the median pass is reported with
// the fastest and slowest):
//   read lines    std::getline over the file, as eval does (from the page cache once warm);
//   parse JSON    the engine's strict reader (engine::JsonDocument) alone; nlohmann::json::parse
//                 is timed too, for comparison only, and so is simdjson's on-demand parser with
//                 every value touched (texts unescaped, numbers read): the floor a reader of these
//                 lines cannot go below, which issue 15 asks the whole eval to stay within 2x of;
//   two passes    the two-pass reader (engine::read_input_two_pass): the strict reader's
//                 document, then the declared input; "validate" below is two passes minus parse;
//   one pass      the one-pass reader on simdjson (engine::read_in_one_pass) alone, which gives up
//                 on refused and unusual lines (their count is printed);
//   read          Pack::read: one pass, else two passes, then the pack's refusal rules;
//   evaluate      the output fields of every read contact, without writing anything;
//   decide        Pack::decide on a read contact: evaluate and write the decision JSON;
//                 "write decision JSON" below is decide minus evaluate;
//   write output  the decisions, one per line, in 1 MiB blocks to FILE (default /dev/null);
//   end to end    the eval --jsonl loop in this process: getline, decide(text), append, write.
// Each is run without and with the explanation where that matters. Prints microseconds per contact,
// each stage's share of the end-to-end figure, and the peak resident set (the corpus is held in
// memory by this program, so that figure is larger than the CLI's).
#include "bench_util.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/input/read_in_one_pass.hpp"
#include "engine/input/read_input.hpp"
#include "engine/json/json_document.hpp"
#include "engine/load/compiled_pack.hpp"
#include "engine/load/pack_access.hpp"
#include "frontdoor/frontdoor.hpp"

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace frontdoor::bench;

struct Corpus {
    std::string path;
    std::vector<std::string> lines;
    std::vector<frontdoor::Input> inputs;  // the lines the pack accepts
    std::size_t refused = 0;
};

// Times `pass` K times; returns microseconds per item for the median, fastest and slowest pass.
Summary per_item(int passes, std::size_t items, const std::function<void()>& pass) {
    std::vector<double> samples;
    for (int p = 0; p < passes; ++p) samples.push_back(time_us(pass) / static_cast<double>(items));
    return summarise(samples);
}

std::size_t sink = 0;  // keeps results alive so the optimiser cannot drop the work

void evaluate_only(const frontdoor::Pack& pack, const frontdoor::Input& input, bool explain) {
    const frontdoor::engine::CompiledPack& compiled = frontdoor::PackAccess::compiled(pack);
    frontdoor::engine::Trace trace;
    frontdoor::engine::Evaluation evaluation(compiled, frontdoor::PackAccess::value(input), explain ? &trace : nullptr);
    for (const auto& field : compiled.checked->syntax.outputs.front().fields) {
        auto value = evaluation.eval(*field.value);
        sink += sizeof value;
    }
    sink += trace.entries.size();
}

// Writes lines in 1 MiB blocks, as eval does.
struct Output {
    std::FILE* file;
    std::string buffer;
    void line(const std::string& text) {
        buffer += text;
        buffer += '\n';
        if (buffer.size() > (1 << 20) - 65536) flush();
    }
    void flush() {
        std::fwrite(buffer.data(), 1, buffer.size(), file);
        buffer.clear();
    }
};

// The stages, each a named function that is never inlined, so that a profile (callgrind_annotate
// --inclusive=yes, perf report) gives each stage's cost under its own name.
[[gnu::noinline]] void stage_read_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    for (std::string line; std::getline(in, line);) sink += line.size();
}

[[gnu::noinline]] void stage_parse_json(const std::vector<std::string>& lines) {
    frontdoor::engine::JsonDocument document;
    for (const auto& line : lines) sink += document.parse(line).has_value();
}

[[gnu::noinline]] void stage_parse_nlohmann(const std::vector<std::string>& lines) {
    for (const auto& line : lines) sink += nlohmann::json::parse(line, nullptr, false).size();
}

// Every value of a simdjson on-demand document read: texts unescaped, numbers parsed.
std::size_t touch(simdjson::ondemand::value value);

std::size_t touch_object(simdjson::ondemand::object object) {
    std::size_t n = 1;
    for (auto member_or_error : object) {
        simdjson::ondemand::field member;
        std::string_view key;
        if (std::move(member_or_error).get(member) || member.unescaped_key().get(key)) return n;
        n += key.size() + touch(member.value());
    }
    return n;
}

std::size_t touch(simdjson::ondemand::value value) {
    namespace od = simdjson::ondemand;
    od::json_type type;
    if (value.type().get(type)) return 0;
    switch (type) {
        case od::json_type::object: {
            od::object object;
            return value.get_object().get(object) ? 0 : touch_object(object);
        }
        case od::json_type::array: {
            od::array array;
            if (value.get_array().get(array)) return 0;
            std::size_t n = 1;
            for (auto element_or_error : array) {
                od::value element;
                if (std::move(element_or_error).get(element)) return n;
                n += touch(element);
            }
            return n;
        }
        case od::json_type::string: {
            std::string_view text;
            return value.get_string().get(text) ? 0 : text.size();
        }
        case od::json_type::number: {
            double number = 0;
            return value.get_double().get(number) ? 0 : number > 0;
        }
        case od::json_type::boolean: {
            bool truth = false;
            return value.get_bool().get(truth) ? 0 : truth;
        }
        default: {
            bool null = false;
            return value.is_null().get(null) ? 0 : null;
        }
    }
}

[[gnu::noinline]] void stage_parse_simdjson(const std::vector<std::string>& lines) {
    simdjson::ondemand::parser parser;
    std::vector<char> padded;
    for (const auto& line : lines) {
        if (padded.size() < line.size() + simdjson::SIMDJSON_PADDING)
            padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
        std::memcpy(padded.data(), line.data(), line.size());
        simdjson::ondemand::document document;
        simdjson::ondemand::object root;
        if (parser.iterate(padded.data(), line.size(), padded.size()).get(document) || document.get_object().get(root))
            continue;
        sink += touch_object(root);
    }
}

[[gnu::noinline]] void stage_read_two_passes(const frontdoor::Pack& pack, const std::vector<std::string>& lines) {
    const auto& compiled = frontdoor::PackAccess::compiled(pack);
    for (const auto& line : lines) {
        frontdoor::engine::Value value;
        sink += frontdoor::engine::read_input_two_pass(compiled, line, value).has_value();
    }
}

// Returns how many lines it gave up on.
[[gnu::noinline]] std::size_t stage_read_one_pass(const frontdoor::Pack& pack, const std::vector<std::string>& lines) {
    const auto& compiled = frontdoor::PackAccess::compiled(pack);
    std::size_t given_up = 0;
    for (const auto& line : lines) {
        frontdoor::engine::Value value;
        given_up += !frontdoor::engine::read_in_one_pass(compiled, line, value);
    }
    sink += given_up;
    return given_up;
}

[[gnu::noinline]] void stage_read_and_validate(const frontdoor::Pack& pack, const std::vector<std::string>& lines) {
    for (const auto& line : lines) sink += pack.read(line).input.has_value();
}

// The stages that depend on the explanation are templates on it, so that the two are profiled apart.
template <bool explain>
[[gnu::noinline]] void stage_evaluate(const frontdoor::Pack& pack, const std::vector<frontdoor::Input>& inputs) {
    for (const auto& input : inputs) evaluate_only(pack, input, explain);
}

template <bool explain>
[[gnu::noinline]] void stage_decide(const frontdoor::Pack& pack, const std::vector<frontdoor::Input>& inputs,
                                    std::vector<std::string>& decisions) {
    frontdoor::DecideOptions options{explain};
    for (std::size_t i = 0; i < inputs.size(); ++i) decisions[i] = pack.decide(inputs[i], options).json;
}

template <bool explain>
[[gnu::noinline]] void stage_write_output(const std::vector<std::string>& decisions, std::FILE* out) {
    Output output{out, {}};
    output.buffer.reserve(1 << 20);
    for (const auto& d : decisions) output.line(d);
    output.flush();
    std::fflush(out);
}

// Marks the end of the last stage for callgrind_stages.sh (valgrind --dump-before='*stage_*').
[[gnu::noinline]] void stage_finished() { sink += 1; }

// The eval --jsonl loop, in this process.
template <bool explain>
[[gnu::noinline]] void stage_end_to_end(const frontdoor::Pack& pack, const std::string& path, std::FILE* out) {
    std::ifstream in(path, std::ios::binary);
    Output output{out, {}};
    output.buffer.reserve(1 << 20);
    frontdoor::DecideOptions options{explain};
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty()) continue;
        auto decided = pack.decide(line, options);
        output.line(decided.refused ? "{\"line\":" + std::to_string(number) + ",\"error\":{}}" : decided.json);
    }
    output.flush();
    std::fflush(out);
}

// One line of the table; a stage worked out as a difference has no fastest and slowest pass.
void row(const char* stage, const Summary& s, double whole, bool measured = true) {
    std::string range = measured ? std::to_string(s.min).substr(0, 6) + " - " + std::to_string(s.max).substr(0, 6) : "";
    std::printf("| %-44s | %8.2f | %-17s | %5.1f%% |\n", stage, s.median, range.c_str(),
                whole > 0 ? 100 * s.median / whole : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_pipeline RULES_DIR CONTACTS.jsonl [--passes K] [--limit N] [--out FILE]\n");
        return 2;
    }
    int passes = 3;
    std::size_t limit = 0;
    std::string out_path = "/dev/null";
    for (int i = 3; i + 1 < argc; i += 2) {
        std::string arg = argv[i];
        if (arg == "--passes") passes = std::stoi(argv[i + 1]);
        else if (arg == "--limit") limit = std::stoul(argv[i + 1]);
        else if (arg == "--out") out_path = argv[i + 1];
    }
    auto loaded = frontdoor::Pack::load_directory(argv[1]);
    if (!loaded.pack) {
        std::fprintf(stderr, "the pack does not load: run frontdoor check %s\n", argv[1]);
        return 1;
    }
    const frontdoor::Pack& pack = *loaded.pack;
    std::FILE* out = std::fopen(out_path.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
        return 2;
    }
    double load0 = load_average();
    Corpus corpus{argv[2], read_lines(argv[2], limit), {}, 0};
    std::string corpus_path = corpus.path;
    if (limit) {  // the end-to-end loop reads a file: give it the same lines
        corpus_path = out_path == "/dev/null" ? "/tmp/bench_pipeline_corpus.jsonl" : out_path + ".corpus";
        std::ofstream copy(corpus_path, std::ios::binary);
        for (const auto& line : corpus.lines) copy << line << '\n';
    }
    for (const auto& line : corpus.lines) {
        auto read = pack.read(line);
        if (read.input) corpus.inputs.push_back(*read.input);
        else ++corpus.refused;
    }
    const std::size_t n = corpus.lines.size(), decided = corpus.inputs.size();
    std::vector<std::string> decisions(decided);

    std::map<std::string, Summary> s;
    s["lines"] = per_item(passes, n, [&] { stage_read_lines(corpus_path); });
    s["parse"] = per_item(passes, n, [&] { stage_parse_json(corpus.lines); });
    s["nlohmann"] = per_item(passes, n, [&] { stage_parse_nlohmann(corpus.lines); });
    s["simdjson"] = per_item(passes, n, [&] { stage_parse_simdjson(corpus.lines); });
    s["two passes"] = per_item(passes, n, [&] { stage_read_two_passes(pack, corpus.lines); });
    std::size_t given_up = 0;
    s["one pass"] = per_item(passes, n, [&] { given_up = stage_read_one_pass(pack, corpus.lines); });
    s["read"] = per_item(passes, n, [&] { stage_read_and_validate(pack, corpus.lines); });
    s["evaluate plain"] = per_item(passes, n, [&] { stage_evaluate<false>(pack, corpus.inputs); });
    s["decide plain"] = per_item(passes, n, [&] { stage_decide<false>(pack, corpus.inputs, decisions); });
    s["write plain"] = per_item(passes, n, [&] { stage_write_output<false>(decisions, out); });
    s["end plain"] = per_item(passes, n, [&] { stage_end_to_end<false>(pack, corpus_path, out); });
    s["evaluate explained"] = per_item(passes, n, [&] { stage_evaluate<true>(pack, corpus.inputs); });
    s["decide explained"] = per_item(passes, n, [&] { stage_decide<true>(pack, corpus.inputs, decisions); });
    s["write explained"] = per_item(passes, n, [&] { stage_write_output<true>(decisions, out); });
    s["end explained"] = per_item(passes, n, [&] { stage_end_to_end<true>(pack, corpus_path, out); });
    stage_finished();

    std::printf("corpus %s: %zu contacts, %zu decided, %zu refused; %d passes per stage; load average %.2f at start, "
                "%.2f at end\n",
                corpus.path.c_str(), n, decided, corpus.refused, passes, load0, load_average());
    std::printf(
        "figures: microseconds per contact of the corpus (median pass, fastest-slowest pass), share of end to end\n");
    for (bool explain : {false, true}) {
        std::string k = explain ? " explained" : " plain";
        double whole = s["end" + k].median;
        auto minus = [](const Summary& a, const Summary& b) { return Summary{a.median - b.median, 0, 0, 0, 0}; };
        std::printf(
            "\n%s\n| stage | us/contact (median pass) | fastest - slowest pass | share of end to end |\n|---|---|---|---|\n",
            explain ? "with explanation" : "without explanation");
        row("read lines (getline)", s["lines"], whole);
        row("parse JSON (engine's strict reader)", s["parse"], whole);
        row("validate (two passes minus parse)", minus(s["two passes"], s["parse"]), whole, false);
        row("read in two passes (strict reader, declared input)", s["two passes"], whole);
        row("read in one pass (simdjson), alone", s["one pass"], whole);
        row("read (Pack::read: one pass else two, refusals)", s["read"], whole);
        row("evaluate (no output written)", s["evaluate" + k], whole);
        row("write decision JSON (decide minus evaluate)", minus(s["decide" + k], s["evaluate" + k]), whole, false);
        row("write output lines", s["write" + k], whole);
        Summary total{s["lines"].median + s["read"].median + s["decide" + k].median + s["write" + k].median, 0, 0, 0,
                      0};
        row("sum of the stages", total, whole, false);
        row("end to end in one loop", s["end" + k], whole);
        std::printf("end to end: %.0f contacts/s on one core\n", 1e6 / whole);
    }
    std::printf("\nthe one-pass reader gave up on %zu of %zu lines (the two-pass reader read them)\n", given_up, n);
    std::printf("for comparison: simdjson on-demand, every value touched, %.2f us/contact (fastest-slowest "
                "%.2f-%.2f): end to end without the explanation is %.1fx that\n",
                s["simdjson"].median, s["simdjson"].min, s["simdjson"].max,
                s["end plain"].median / s["simdjson"].median);
    std::printf("for comparison: nlohmann::json::parse %.2f us/contact (fastest-slowest %.2f-%.2f)\n",
                s["nlohmann"].median, s["nlohmann"].min, s["nlohmann"].max);
    std::printf("peak resident set %.1f MiB (the corpus and its decisions are held in memory)\n",
                static_cast<double>(status_kb("VmHWM")) / 1024);
    std::fclose(out);
    return sink == 42 ? 3 : 0;
}
