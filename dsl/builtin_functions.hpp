#pragma once
// The language's built-in functions, in one table: the checker resolves a call by it (name,
// arguments, result), records its ast::Builtin on the call for the evaluator to switch on
// (engine/evaluate/evaluate_expression.cpp, Evaluation::call), and docs/language.md lists every name in it
// (dsl/tests/builtin_functions_test.cpp holds the three together).
#include "dsl/ast.hpp"
#include "dsl/types.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace frontdoor::dsl {

// How a function's arguments are checked.
enum class ArgumentRule : std::uint8_t {
    signature,              // exactly `params`, in order, each present
    one_collection,         // one list or set, present
    two_or_more_of_a_type,  // two or more values of one type, the first present one taken
};

struct BuiltinFunction {
    std::string_view name;
    ast::Builtin builtin;  // what the checker records on the call; the evaluator switches on it
    ArgumentRule arguments;
    std::span<const TypeKind> params;  // with ArgumentRule::signature: the kind of each argument
    std::optional<TypeKind> result;    // none: the type of its arguments
    std::string_view description;      // one line, for a reader of the language
};

// Every built-in function, in the order "did you mean" considers them.
std::span<const BuiltinFunction> builtin_functions();
// The built-in function of that name, or null.
const BuiltinFunction* find_builtin_function(std::string_view name);

}  // namespace frontdoor::dsl
