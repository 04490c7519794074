// PEGTL's grammar analysis (STYLE.md item 5): a rule that can loop without consuming input (a
// `star` of something that may match nothing, or left recursion) would hang the parser on some
// file, so the analysis must report no issues for the rules the parser starts from.
#include "dsl/grammar.hpp"

#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

namespace p = tao::pegtl;
namespace g = frontdoor::dsl::grammar;

namespace {

// A rule the analysis must reject: `star` over a rule that can succeed without consuming input.
struct loops_forever : p::star<p::opt<p::one<'a'>>> {};

}  // namespace

TEST_CASE("the analysis reports a rule that can loop without consuming input", "[grammar]") {
    // Shows that the checks below can fail: analyze<> counts this rule's issues (-1: quietly).
    CHECK(p::analyze<loops_forever>(-1) > 0);
}

TEST_CASE("the rule-file grammar has no rules that loop without consuming input", "[grammar]") {
    // Each file is parsed one declaration at a time from `one_declaration`.
    CHECK(p::analyze<g::one_declaration>() == 0);
    // dsl::parse_expression parses a lone expression from `expression`.
    CHECK(p::analyze<g::expression>() == 0);
}
