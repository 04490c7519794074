// A batch decided on several threads (BatchOptions::threads, `eval --jsonl --threads N`) answers
// exactly as on one: the same lines in the same order, the same counts, the records in input order
// and each group released only after it was recorded, a read failure and a failing sink handled as
// on one thread.
#include "test_records_fixture.hpp"

#include "frontdoor/batch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

// Every scenario contact, many times over, with lines a batch refuses among them: enough lines for
// several chunks of 256 on each thread. Every tenth round has a contact padded to 300 KiB, longer
// than a chunk, which the reading thread decides itself in its turn.
std::string mixed_lines() {
    auto contacts = records_test::scenario_contacts();
    std::string text;
    for (int round = 0; round < 40; ++round) {
        for (const auto& contact : contacts) text += contact + "\n";
        text += "not json\n\n{\"child\": 1}\n";
        if (round % 10 == 3) text += "{" + std::string(300 << 10, ' ') + contacts.back().substr(1) + "\n";
    }
    return text;
}

struct BatchRun {
    frontdoor::BatchSummary summary;
    std::string answered;
    std::vector<std::string> recorded;  // the decisions recorded, in the order they were recorded
};

BatchRun run_batch(const std::string& text, unsigned threads, bool recording, std::size_t release_bytes = 1 << 20) {
    BatchRun run;
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    frontdoor::BatchOptions options;
    options.threads = threads;
    options.record_group = 16;
    options.release_bytes = release_bytes;
    frontdoor::BatchRecorder record;
    if (recording)
        record = [&](const frontdoor::Pack&, std::vector<frontdoor::DecisionLog::Entry> entries) {
            for (auto& entry : entries) run.recorded.push_back(std::move(entry.decision));
        };
    run.summary = frontdoor::decide_batch(*records_test::sample_pack(), lines, record, options,
                                          [&](std::string_view answers) { run.answered += answers; });
    return run;
}

// The decision lines of a batch's answers, in order (refusals left out): what a log must hold.
std::vector<std::string> decisions_in(const std::string& answered) {
    std::vector<std::string> decisions;
    std::size_t begin = 0;
    for (std::size_t end; (end = answered.find('\n', begin)) != std::string::npos; begin = end + 1) {
        std::string line = answered.substr(begin, end - begin);
        if (line.rfind("{\"line\":", 0) != 0) decisions.push_back(line);
    }
    return decisions;
}

}  // namespace

TEST_CASE("a batch on several threads answers every line as one thread does, in input order", "[batch threads]") {
    std::string text = mixed_lines();
    BatchRun one = run_batch(text, 1, false);
    REQUIRE(one.summary.refused >= 80);  // the two bad lines of each round, and the scenarios of refusals
    REQUIRE(one.summary.decided > 1000);
    unsigned threads = GENERATE(2u, 3u, 8u);
    BatchRun many = run_batch(text, threads, false);
    CHECK(many.summary.decided == one.summary.decided);
    CHECK(many.summary.refused == one.summary.refused);
    CHECK_FALSE(many.summary.read_failure);
    CHECK(many.answered == one.answered);
    // Answers handed on as soon as they are ready (the service's streaming setting) are the same bytes.
    CHECK(run_batch(text, threads, false, 1 << 10).answered == one.answered);
}

TEST_CASE("a recorded batch on several threads records in input order and releases only recorded groups",
          "[batch threads]") {
    std::string text = mixed_lines();
    unsigned threads = GENERATE(2u, 4u);
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    frontdoor::BatchOptions options;
    options.threads = threads;
    options.record_group = 16;
    std::vector<std::string> recorded;
    std::string answered;
    bool released_unrecorded = false;
    frontdoor::BatchRecorder record = [&](const frontdoor::Pack&, std::vector<frontdoor::DecisionLog::Entry> entries) {
        CHECK(entries.size() <= 16);
        for (auto& entry : entries) recorded.push_back(std::move(entry.decision));
    };
    auto summary =
        frontdoor::decide_batch(*records_test::sample_pack(), lines, record, options, [&](std::string_view answers) {
            answered += answers;
            if (decisions_in(answered).size() > recorded.size()) released_unrecorded = true;
        });
    CHECK_FALSE(released_unrecorded);
    CHECK(recorded == decisions_in(answered));
    CHECK(summary.decided == recorded.size());
    CHECK(answered == run_batch(text, 1, true).answered);
}

TEST_CASE("a batch on several threads whose input fails part way releases every line read before it",
          "[batch threads]") {
    std::string text = mixed_lines();
    std::size_t offered = 0;
    frontdoor::ReadBlock failing = [&](char* into, std::size_t size) -> std::size_t {
        if (offered == text.size()) throw frontdoor::ReadError("cannot read contacts.jsonl: Input/output error");
        std::size_t count = std::min(size, text.size() - offered);
        std::copy_n(text.data() + offered, count, into);
        offered += count;
        return count;
    };
    frontdoor::JsonLinesReader lines(failing);
    frontdoor::BatchOptions options;
    options.threads = 3;
    std::string answered;
    auto summary = frontdoor::decide_batch(*records_test::sample_pack(), lines, nullptr, options,
                                           [&](std::string_view answers) { answered += answers; });
    CHECK(summary.read_failure == "cannot read contacts.jsonl: Input/output error");
    CHECK(answered == run_batch(text, 1, false).answered);
}

TEST_CASE("a batch on several threads stops at a sink that throws: nothing after that group is recorded",
          "[batch threads]") {
    std::string text = mixed_lines();
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    frontdoor::BatchOptions options;
    options.threads = 2;
    options.record_group = 16;
    std::size_t recorded = 0, recorded_when_failed = 0;
    int releases = 0;
    frontdoor::BatchRecorder record = [&](const frontdoor::Pack&, std::vector<frontdoor::DecisionLog::Entry> entries) {
        recorded += entries.size();
    };
    auto failing_sink = [&](std::string_view) {
        if (++releases == 3) {
            recorded_when_failed = recorded;
            throw std::runtime_error("the client went away");
        }
    };
    CHECK_THROWS_WITH(frontdoor::decide_batch(*records_test::sample_pack(), lines, record, options, failing_sink),
                      "the client went away");
    CHECK(releases == 3);
    CHECK(recorded_when_failed > 0);
    CHECK(recorded == recorded_when_failed);
}

namespace {

// What BatchOptions::observe saw of a batch of `text` on `threads` threads, by line: (number,
// input, the answer the batch gives for it), and the batch's own answers.
struct Observed {
    std::vector<std::tuple<std::size_t, std::string, std::string>> lines;
    std::string answered;
};

Observed observe_batch(const std::string& text, unsigned threads) {
    Observed out;
    std::mutex mutex;
    frontdoor::JsonLinesReader lines(frontdoor::text_blocks(text));
    frontdoor::BatchOptions options;
    options.threads = threads;
    options.observe = [&](std::size_t line, std::string_view input, const frontdoor::Decided& decided) {
        std::string answer = decided.refused ? frontdoor::refusal_json(line, decided) : decided.json;
        std::lock_guard lock(mutex);
        out.lines.emplace_back(line, std::string(input), std::move(answer));
    };
    frontdoor::decide_batch(*records_test::sample_pack(), lines, frontdoor::BatchRecorder{}, options,
                            [&](std::string_view answers) { out.answered += answers; });
    std::sort(out.lines.begin(), out.lines.end());
    return out;
}

}  // namespace

TEST_CASE("a batch's observer sees each line the pack decided or refused once, with its answer", "[batch threads]") {
    // The last line holds a CR that does not end it: the reader refuses it, so the pack never sees it.
    std::string text = mixed_lines() + "{\"child\":\r1}\n";
    Observed one = observe_batch(text, 1);
    std::string expected;
    for (const auto& [number, input, answer] : one.lines) expected += answer + "\n";
    std::string answered_by_pack = one.answered.substr(0, one.answered.rfind("{\"line\":"));
    CHECK(expected == answered_by_pack);
    REQUIRE(!one.lines.empty());
    CHECK(std::get<1>(one.lines.front()) == text.substr(0, text.find('\n')));
    unsigned threads = GENERATE(2u, 8u);
    CHECK(observe_batch(text, threads).lines == one.lines);
}
