// The evaluation depth limit (dsl/nesting_limit.hpp, max_evaluation_depth): a chain of definitions,
// each reading the next, is refused at load when its levels in all pass the limit, with one
// diagnostic at the definition that passes it, instead of exhausting the stack of the checker or
// of a decision; every pack that loads decides within a 1 MiB thread stack.
#include "dsl/nesting_limit.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <pthread.h>

#include <functional>
#include <string>
#include <vector>

namespace {

using frontdoor::dsl::max_evaluation_depth;

// A pack deciding on {"count": 1, "flag": true} whose output reads the last of `definitions`
// (boolean lets, one a line from line 12). Each is `wrap` around the one before (d0 around x.flag).
std::string chain_pack(const std::vector<std::string>& definitions) {
    std::string text = R"(pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  count: integer
  flag: boolean
input x: r
output times in office
  v = d)" + std::to_string(definitions.size() - 1) +
                       "\n\n";
    for (std::size_t i = 0; i < definitions.size(); ++i)
        text += "let d" + std::to_string(i) + ": boolean = " + definitions[i] + " [source \"s\"]\n";
    return text;
}

// `open` `times` times, then what the definition before reads (x.flag for d0), then `close` as often.
std::vector<std::string> nested_chain(int definitions, const std::string& open, const std::string& close,
                                      const std::vector<int>& times) {
    std::vector<std::string> out;
    for (int i = 0; i < definitions; ++i) {
        std::string text;
        int n = times[static_cast<std::size_t>(std::min<int>(i, static_cast<int>(times.size()) - 1))];
        for (int k = 0; k < n; ++k) text += open;
        text += i == 0 ? "x.flag" : "d" + std::to_string(i - 1);
        for (int k = 0; k < n; ++k) text += close;
        out.push_back(text);
    }
    return out;
}

std::vector<frontdoor::Diagnostic> errors_of(const frontdoor::LoadResult& result) {
    std::vector<frontdoor::Diagnostic> errors;
    for (const auto& d : result.diagnostics)
        if (d.severity == frontdoor::Severity::error) errors.push_back(d);
    return errors;
}

std::string too_deep(const std::string& name, int definitions, long long levels) {
    return "'" + name + "' depends on a chain of " + std::to_string(definitions) + " definitions nested " +
           std::to_string(levels) + " levels in all; the limit is " + std::to_string(max_evaluation_depth) +
           ", so that deciding never runs out of memory: shorten the chain, or nest its definitions less";
}

// Runs `work` on a thread whose stack is 1 MiB, as a decision service's worker might have.
void on_one_mebibyte_stack(std::function<void()> work) {
    pthread_attr_t attributes;
    REQUIRE(pthread_attr_init(&attributes) == 0);
    REQUIRE(pthread_attr_setstacksize(&attributes, 1 << 20) == 0);
    pthread_t thread;
    auto run = [](void* argument) -> void* {
        (*static_cast<std::function<void()>*>(argument))();
        return nullptr;
    };
    REQUIRE(pthread_create(&thread, &attributes, run, &work) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attributes);
}

// The packs at the limit, one per construct: `not` (the cheapest level), quantifiers (the
// costliest), and one-level definitions (the most definitions).
struct AtLimit {
    std::string what;
    std::vector<std::string> definitions;
};

std::vector<AtLimit> packs_at_the_limit() {
    STATIC_REQUIRE(max_evaluation_depth % 64 == 0);
    int full = max_evaluation_depth / 64;  // definitions nesting 64 levels each
    // d0 wraps x.flag (two levels) once less than the others wrap the name before (one level);
    // the innermost quantifier is as deep as its list `[1]` (two levels) and one more.
    std::vector<AtLimit> out;
    out.push_back({"not", nested_chain(full, "not ", "", {62, 63})});
    out.push_back({"any", nested_chain(full, "any(i in [1] where ", ")", {62, 62})});
    out.push_back({"names", nested_chain(max_evaluation_depth - 1, "", "", {0})});
    return out;
}

}  // namespace

TEST_CASE("the evaluation depth limit is one named constant of a sensible size", "[evaluation-depth]") {
    STATIC_REQUIRE(max_evaluation_depth >= 2 * frontdoor::dsl::max_nesting_depth);
    STATIC_REQUIRE(max_evaluation_depth <= 1024);
}

TEST_CASE("500 definitions each nesting 62 levels and reading the next are refused at load, not a crash",
          "[evaluation-depth]") {
    auto result =
        frontdoor::Pack::load_files("chain", {{"pack.rules", chain_pack(nested_chain(500, "not ", "", {62}))}});
    auto errors = errors_of(result);
    REQUIRE(result.pack == nullptr);
    REQUIRE(errors.size() == 1);
    // d0 is 64 levels (x.flag is two), each after it 63: the first past the limit says so.
    int past = 0;
    while (64 + 63LL * past <= max_evaluation_depth) ++past;
    CHECK(errors[0].line == 12 + static_cast<std::size_t>(past));
    CHECK(errors[0].column == 5);
    CHECK(errors[0].message == too_deep("d" + std::to_string(past), past + 1, 64 + 63LL * past));
}

TEST_CASE("20000 one-level definitions, each reading the next, give one error at the first past the limit",
          "[evaluation-depth]") {
    // 20,000 definitions: a chain far past any stack, in a rule file under the 1 MiB limit.
    auto result = frontdoor::Pack::load_files("chain", {{"pack.rules", chain_pack(nested_chain(20000, "", "", {0}))}});
    auto errors = errors_of(result);
    REQUIRE(result.pack == nullptr);
    REQUIRE(errors.size() == 1);
    // d0 (x.flag) is two levels, each after it one: d127 is the first past 128.
    int past = max_evaluation_depth - 1;
    CHECK(errors[0].line == 12 + static_cast<std::size_t>(past));
    CHECK(errors[0].message == too_deep("d" + std::to_string(past), past + 1, max_evaluation_depth + 1));
}

TEST_CASE("the evaluation depth error prints like every diagnostic, with its line and caret", "[evaluation-depth]") {
    auto definitions = nested_chain(max_evaluation_depth, "", "", {0});
    auto result = frontdoor::Pack::load_files("chain", {{"pack.rules", chain_pack(definitions)}});
    std::string last = std::to_string(max_evaluation_depth - 1);
    CHECK(frontdoor::render_all(result.diagnostics) ==
          "chain/pack.rules:" + std::to_string(12 + max_evaluation_depth - 1) + ":5: error: " +
              too_deep("d" + last, max_evaluation_depth, max_evaluation_depth + 1) + "\n  let d" + last +
              ": boolean = " + definitions.back() + " [source \"s\"]\n      ^" + std::string(last.size(), '~') + "\n");
}

TEST_CASE("a refusal reading a chain of definitions past the limit is refused the same way", "[evaluation-depth]") {
    std::string pack = chain_pack(nested_chain(max_evaluation_depth, "", "", {0}));
    pack.replace(pack.find("input x: r\n"), 11,
                 "input x: r\n  refuse when d" + std::to_string(max_evaluation_depth - 1) +
                     " at x.flag because \"no\" [source \"s\"]\n");
    auto result = frontdoor::Pack::load_files("chain", {{"pack.rules", pack}});
    auto errors = errors_of(result);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.rfind("'d" + std::to_string(max_evaluation_depth - 1) + "' depends on a chain of", 0) == 0);
}

TEST_CASE("every pack at the evaluation depth limit loads and decides on a 1 MiB thread stack", "[evaluation-depth]") {
    for (const auto& pack : packs_at_the_limit()) {
        INFO(pack.what);
        // One more definition reading the last is past the limit: these packs are at it.
        auto longer = pack.definitions;
        longer.push_back("d" + std::to_string(longer.size() - 1));
        CHECK(errors_of(frontdoor::Pack::load_files("chain", {{"pack.rules", chain_pack(longer)}})).size() == 1);

        std::vector<frontdoor::Diagnostic> diagnostics;
        std::string explained, plain;
        bool loaded = false;
        on_one_mebibyte_stack([&] {
            auto result = frontdoor::Pack::load_files("chain", {{"pack.rules", chain_pack(pack.definitions)}});
            diagnostics = result.diagnostics;
            if (!result.pack) return;
            loaded = true;
            explained = result.pack->decide(R"({"count": 1, "flag": true})").json;
            plain = result.pack->decide(R"({"count": 1, "flag": true})", {.explain = false}).json;
        });
        INFO(frontdoor::render_all(diagnostics));
        REQUIRE(loaded);
        int nots = pack.what == "not" ? 62 + 63 * (static_cast<int>(pack.definitions.size()) - 1) : 0;
        std::string v = std::string("{\"v\":") + (nots % 2 == 0 ? "true" : "false");
        CHECK(explained.rfind(v, 0) == 0);
        CHECK(plain.rfind(v, 0) == 0);
    }
}
