// The nesting limit (dsl/nesting_limit.hpp): an expression or type nested deeper than
// max_nesting_depth is refused with one diagnostic at the place the limit is passed, whatever the
// construct, instead of exhausting the stack; nesting up to the limit still checks.
#include "dsl/nesting_limit.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

using frontdoor::dsl::max_nesting_depth;

// A pack that checks without errors; the text under test is its line 12.
const std::string header = R"(pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  count: integer
  flag: boolean
input x: r
output times in office
  v = v
let v = x.count [source "s"]
)";

std::string repeat(const std::string& text, int times) {
    std::string out;
    out.reserve(text.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i) out += text;
    return out;
}

std::vector<frontdoor::Diagnostic> errors_of(const std::string& line) {
    auto result = frontdoor::Pack::load_files("nest", {{"pack.rules", header + line + "\n"}});
    std::vector<frontdoor::Diagnostic> errors;
    for (auto& d : result.diagnostics)
        if (d.severity == frontdoor::Severity::error) errors.push_back(std::move(d));
    if (errors.empty()) CHECK(result.pack != nullptr);
    return errors;
}

const std::string too_deep_expression = "this expression nests more than " + std::to_string(max_nesting_depth) +
                                        " levels deep (the limit); split it into named definitions with `let`";

// Exactly one error, on line 12 at `column` (1-based), with `message`.
void require_one_error(const std::string& line, std::size_t column, const std::string& message = too_deep_expression) {
    auto errors = errors_of(line);
    INFO("line 12 starts: " << line.substr(0, 120));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 12);
    CHECK(errors[0].column == column);
    CHECK(errors[0].message.substr(0, message.size()) == message);
}

// The 1-based column of the `level`th (0-based) repetition of `unit` after `prefix`: where the
// expression `level` levels deep begins when each level adds `unit`.
std::size_t column_of_level(const std::string& prefix, const std::string& unit, int level) {
    return prefix.size() + unit.size() * static_cast<std::size_t>(level) + 1;
}

}  // namespace

TEST_CASE("the nesting limit is one named constant of a sensible size", "[nesting]") {
    STATIC_REQUIRE(max_nesting_depth >= 32);
    STATIC_REQUIRE(max_nesting_depth <= 128);
}

TEST_CASE("100,000 nested `not` give one nesting error at the first one past the limit", "[nesting]") {
    std::string prefix = "let deep: boolean = ";
    require_one_error(prefix + repeat("not ", 100000) + "x.flag [source \"s\"]",
                      column_of_level(prefix, "not ", max_nesting_depth + 1));
    CHECK(errors_of(prefix + repeat("not ", max_nesting_depth) + "true [source \"s\"]").empty());
    // Reading a field is a level too: `x.flag` is `flag` of `x`.
    CHECK(errors_of(prefix + repeat("not ", max_nesting_depth) + "x.flag [source \"s\"]").size() == 1);
}

TEST_CASE("5,000 nested `if` give one nesting error inside the first one past the limit", "[nesting]") {
    std::string prefix = "let deep: integer = ";
    std::string unit = "if x.flag then 1 else ";
    // The condition of the 65th `if` is the first expression inside 65 levels.
    require_one_error(prefix + repeat(unit, 5000) + "1 [source \"s\"]",
                      column_of_level(prefix, unit, max_nesting_depth) + 3);
    CHECK(errors_of(prefix + repeat("if true then 1 else ", max_nesting_depth) + "1 [source \"s\"]").empty());
}

TEST_CASE("100,000 open brackets give one nesting error, not a crash or a cascade", "[nesting]") {
    std::string prefix = "let deep: integer = ";
    require_one_error(prefix + repeat("(", 100000) + "1" + repeat(")", 100000) + " [source \"s\"]",
                      column_of_level(prefix, "(", max_nesting_depth + 1));
    // An unclosed run of brackets is the same error: the limit is met before the missing ')'.
    require_one_error(prefix + repeat("(", 100000), column_of_level(prefix, "(", max_nesting_depth + 1));
    CHECK(errors_of(prefix + repeat("(", max_nesting_depth) + "1" + repeat(")", max_nesting_depth) + " [source \"s\"]")
              .empty());
}

TEST_CASE("deep list and record literals give one nesting error", "[nesting]") {
    std::string prefix = "let deep = ";
    require_one_error(prefix + repeat("[", 100000) + "1" + repeat("]", 100000) + " [source \"s\"]",
                      column_of_level(prefix, "[", max_nesting_depth + 1));
    require_one_error(prefix + repeat("{a: ", 100000) + "1" + repeat("}", 100000) + " [source \"s\"]",
                      column_of_level(prefix, "{a: ", max_nesting_depth) + 4);
    CHECK(errors_of(prefix + repeat("[", max_nesting_depth) + "1" + repeat("]", max_nesting_depth) + " [source \"s\"]")
              .empty());
    // Record literals have no declared type here: only the ordinary error about that, no nesting error.
    for (const auto& error : errors_of(prefix + repeat("{a: ", max_nesting_depth) + "1" +
                                       repeat("}", max_nesting_depth) + " [source \"s\"]"))
        CHECK(error.message.find("levels deep") == std::string::npos);
}

TEST_CASE("calls and quantifiers nested past the limit give one nesting error", "[nesting]") {
    // 60,000 levels: deep enough to overflow any stack, and still under the 1 MiB limit on a rule file.
    std::string prefix = "let deep = ";
    require_one_error(prefix + repeat("whole_years(", 60000) + "1" + repeat(")", 60000),
                      column_of_level(prefix, "whole_years(", max_nesting_depth) + 12);
    require_one_error(prefix + repeat("count(i in ", 60000) + "[1]" + repeat(")", 60000),
                      column_of_level(prefix, "count(i in ", max_nesting_depth) + 11);
}

TEST_CASE("unary minus nested 100,000 times gives one error", "[nesting]") {
    std::string prefix = "let deep: integer = ";
    require_one_error(prefix + repeat("-(", 100000) + "1" + repeat(")", 100000) + " [source \"s\"]",
                      column_of_level(prefix, "-(", max_nesting_depth + 1));
    // `- -1` is not in the language: one syntax error, however many there are.
    auto errors = errors_of(prefix + repeat("- ", 100000) + "1 [source \"s\"]");
    CHECK(errors.size() == 1);
}

TEST_CASE("a type nested 10,000 times gives one nesting error at the first level past the limit", "[nesting]") {
    std::string prefix = "  count: ";
    std::string deep_field = "record deep\n" + prefix + repeat("list of ", 10000) + "integer";
    std::string too_deep_type =
        "this type nests more than " + std::to_string(max_nesting_depth) + " levels deep (the limit)";
    auto found = errors_of(deep_field);
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 13);
    CHECK(found[0].column == column_of_level(prefix, "list of ", max_nesting_depth + 1));
    CHECK(found[0].message.substr(0, too_deep_type.size()) == too_deep_type);
    CHECK(errors_of("record deep\n" + prefix + repeat("list of ", max_nesting_depth) + "integer").empty());
}

TEST_CASE("chains of operators and fields count one level each", "[nesting]") {
    std::string prefix = "let deep: integer = ";
    // `1 + 1 + 1` is `(1 + 1) + 1`: the first operand is inside one level per operator.
    require_one_error(prefix + "1" + repeat(" + 1", 100000) + " [source \"s\"]",
                      column_of_level(prefix + "1", " + 1", max_nesting_depth) + 1);
    CHECK(errors_of(prefix + "1" + repeat(" + 1", max_nesting_depth) + " [source \"s\"]").empty());
    // `x.a.a.a` reads a field of a field of a field.
    std::string read = "let deep = x";
    require_one_error(read + repeat(".a", 100000), column_of_level(read, ".a", max_nesting_depth) + 1);
}

TEST_CASE("the nesting error prints like every diagnostic, with its line and caret", "[nesting]") {
    std::string line = "let deep: boolean = " + repeat("not ", max_nesting_depth + 1) + "x.flag [source \"s\"]";
    auto result = frontdoor::Pack::load_files("nest", {{"pack.rules", header + line + "\n"}});
    std::string caret = std::string(20 + 4 * (max_nesting_depth + 1), ' ') + "^";
    CHECK(frontdoor::render_all(result.diagnostics) ==
          "nest/pack.rules:12:" + std::to_string(21 + 4 * (max_nesting_depth + 1)) + ": error: " + too_deep_expression +
              "\n  " + line + "\n  " + caret + "\n");
    CHECK(result.pack == nullptr);
}
