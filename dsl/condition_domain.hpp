#pragma once
// Internal to dsl/: a row's condition read as a formula over finite domains, for the analysis of
// decisions (analyse_tables.cpp). An enumeration, boolean or integer read by a path (an input field
// or a definition) becomes a variable with a finite domain of representative values (integers: each
// constant a condition compares with, and its neighbours); any other condition (a text pattern,
// arithmetic, a quantifier, a date) becomes an opaque yes/no atom, keyed by its text, so that the
// analysis never claims a gap or a mask it cannot prove.
#include "dsl/checked_pack.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace frontdoor::dsl {

// One value a variable can take; `present` false is the variable being absent.
struct DomainValue {
    bool present = true;
    std::int64_t number = 0;  // enumeration member (sorted index), boolean 0/1, or integer
};

struct Variable {
    enum class Kind { enumeration, boolean, integer, opaque } kind = Kind::opaque;
    std::string name;         // the path as written, or the opaque condition's text
    bool from_input = false;  // a field of the input, so a value of it is an input one can write
    bool optional = false;    // may be absent
    int enum_decl = -1;
    std::vector<std::int64_t> constants;  // integers compared with
    std::vector<DomainValue> domain;      // filled by finish_domains
};

// A condition compiled over the variables of a ConditionDomain.
struct Formula {
    enum class Kind { constant, all, any, negation, test } kind = Kind::constant;
    bool value = false;          // constant
    std::vector<Formula> parts;  // all / any / negation (one part)
    int variable = -1;           // test
    ast::Op op = ast::Op::none;  // test: equal, not_equal, less..., member, not_member
    enum class Test { relation, truthy, exists, absent } test = Test::relation;
    std::vector<std::int64_t> operands;  // test: the constants compared with (one, or a list's)
};

class ConditionDomain {
public:
    ConditionDomain(const CheckedPack& pack) : pack_(pack) {}
    // Compiles a condition, adding its variables.
    Formula compile(const ast::Expr& condition);
    // Builds each variable's domain once every condition is compiled.
    void finish_domains();
    // The number of assignments, or `limit + 1` when there are more than `limit`.
    std::uint64_t assignments(std::uint64_t limit) const;
    // The assignment numbered `index` (mixed radix over the domains).
    std::vector<DomainValue> assignment(std::uint64_t index) const;
    bool holds(const Formula& formula, const std::vector<DomainValue>& values) const;
    // The variables a formula reads.
    void read_by(const Formula& formula, std::vector<int>& out) const;
    // "contact.rag = \"green\", contact.flag = false" for the variables listed.
    std::string describe(const std::vector<DomainValue>& values, const std::vector<int>& variables) const;
    const std::vector<Variable>& variables() const { return variables_; }
    // An expression's source text, with each run of white space made one space.
    std::string text_of(const ast::Expr& expr) const;

private:
    int variable_for(const ast::Expr& expr, Variable::Kind kind);
    int opaque(const ast::Expr& expr);
    bool constant_of(const ast::Expr& expr, std::vector<std::int64_t>& out) const;
    Formula relation(const ast::Expr& expr);
    std::string describe_value(const Variable& variable, const DomainValue& value) const;

    const CheckedPack& pack_;
    std::vector<Variable> variables_;
};

}  // namespace frontdoor::dsl
