#pragma once
// Every message a syntax error can carry, in one table: the rule that was required and what the
// policy lead is told was expected there.
#include "dsl/grammar.hpp"
#include "dsl/nesting_limit.hpp"

#include <string>

namespace frontdoor::dsl::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define FD_ERROR(RULE, TEXT) \
    template <>              \
    inline constexpr const char* error_message<RULE> = TEXT;
FD_ERROR(string_body, "unterminated text: expected a closing '\"' on the same line")
FD_ERROR(string_close, "unterminated text: expected a closing '\"' on the same line")
FD_ERROR(token<kw_of>, "expected 'of'")
FD_ERROR(token<name>, "expected a name (letters, digits and '_', starting with a letter)")
FD_ERROR(list_items, "expected list items separated by ','")
FD_ERROR(sym<']'>, "expected ']'")
FD_ERROR(expression, "expected an expression")
FD_ERROR(record_items, "expected record fields like 'name: \"value\"' separated by ','")
FD_ERROR(sym<'}'>, "expected '}' to close the record")
FD_ERROR(call_args, "expected arguments separated by ','")
FD_ERROR(sym<')'>, "expected ')'")
FD_ERROR(token<kw_then>, "expected 'then' after the condition of 'if'")
FD_ERROR(token<kw_else>, "expected 'else': an 'if' must say what happens otherwise")
FD_ERROR(token<field_name>, "expected a field name after '.'")
FD_ERROR(unary, "expected a value after the operator")
FD_ERROR(additive, "expected a value to compare with")
FD_ERROR(negation, "expected a condition after 'and'")
FD_ERROR(conjunction, "expected a condition after 'or'")
FD_ERROR(no_foreign_operator, "expected 'and' or 'or' between conditions")
FD_ERROR(token<string_lit>, "expected text in double quotes")
FD_ERROR(
    type_expr,
    "expected a type (boolean, integer, text, date, datetime, duration, an enum or record name, 'list of T' or 'set of T')")
FD_ERROR(token<kw_version>, "expected 'version \"...\"' after the pack name")
FD_ERROR(day_name, "expected a day name (monday .. sunday)")
FD_ERROR(day_range, "expected a day or a range of days, like 'monday to friday'")
FD_ERROR(token<time_of_day>, "expected a time of day like 09:00")
FD_ERROR(token<kw_to>, "expected 'to'")
FD_ERROR(token<kw_rules>, "expected 'rules \"<POSIX TZ rule>\"', like rules \"GMT0BST,M3.5.0/1,M10.5.0/2\"")
FD_ERROR(token<kw_from>, "expected 'from \"file.json\"'")
FD_ERROR(token<kw_division>, "expected 'division \"...\"'")
FD_ERROR(sym<'='>, "expected '='")
FD_ERROR(enum_member, "expected an enum value in double quotes")
FD_ERROR(token<integer_lit>, "expected a whole number")
FD_ERROR(token<kw_each>, "expected 'each' after 'for'")
FD_ERROR(token<bound_name>, "expected a name for each item")
FD_ERROR(token<kw_in>, "expected 'in'")
FD_ERROR(refusal_at, "expected 'at <field>': the input field the refusal points at")
FD_ERROR(refusal_because, "expected 'because \"...\"': the reason the input is refused")
FD_ERROR(token<kw_when>, "expected 'when <condition>'")
FD_ERROR(sym<':'>, "expected ':'")
using hit_policy_word = p::sor<first_match, collect_policy>;
FD_ERROR(hit_policy_word, "expected a hit policy: 'first match' or 'collect'")
FD_ERROR(hit_policy, "expected the hit policy in parentheses: '(first match)' or '(collect)'")
using row_ending = p::sor<row_condition, row_otherwise>;
FD_ERROR(row_ending, "expected 'when <condition>' or 'otherwise' after the row's value")
FD_ERROR(decision_row, "expected at least one row: '<value> when <condition>' or '<value> otherwise'")
FD_ERROR(arrow, "expected '->'")
FD_ERROR(table_entry, "expected at least one entry: '<key> -> <value>'")
FD_ERROR(token<kw_times>, "expected 'times in <calendar>' after 'output'")
FD_ERROR(output_field, "expected at least one output field: '<name> = <expression>'")
FD_ERROR(row_names, "expected the names of the rows, separated by ',': 'exclusive rows of <decision>: <row>, <row>'")
// Nesting past the limit (dsl/nesting_limit.hpp), raised where it is passed; "{limit}" stands for
// max_nesting_depth. A chain (`a or b or c`, `x.a.b`) is refused when the tree is built.
struct too_deep_expression {};
struct too_deep_type {};
struct too_deep_chain {};
FD_ERROR(too_deep_expression,
         "this expression nests more than {limit} levels deep (the limit); split it into named definitions with `let`")
FD_ERROR(too_deep_type, "this type nests more than {limit} levels deep (the limit)")
FD_ERROR(
    too_deep_chain,
    "this expression nests more than {limit} levels deep (the limit); split it into named definitions with `let` (each operator of a chain such as `a or b or c`, and each `.field` read, is a level)")
#undef FD_ERROR

// A nesting message with the limit written in.
template <typename Tag>
std::string nesting_message() {
    std::string message = error_message<Tag>;
    std::string placeholder = "{limit}";
    return message.replace(message.find(placeholder), placeholder.size(), std::to_string(max_nesting_depth));
}

struct errors {
    template <typename Rule>
    static constexpr const char* message = error_message<Rule>;
};

}  // namespace frontdoor::dsl::grammar
