#include "dsl/condition_domain.hpp"

#include <algorithm>
#include <limits>

namespace frontdoor::dsl {

using ast::Expr;
using ast::ExprKind;
using ast::Op;

namespace {

bool is_path(const Expr& expr) {
    if (expr.kind != ExprKind::name && expr.kind != ExprKind::field) return false;
    auto kind = expr.resolved.kind;
    return (kind == ast::NameKind::input || kind == ast::NameKind::definition) && !path_of(expr).empty();
}

Variable::Kind kind_of(const TypeRef& type) {
    if (!type) return Variable::Kind::opaque;
    switch (type->kind) {
        case TypeKind::enumeration: return Variable::Kind::enumeration;
        case TypeKind::boolean: return Variable::Kind::boolean;
        case TypeKind::integer: return Variable::Kind::integer;
        default: return Variable::Kind::opaque;
    }
}

bool is_order(Op op) { return op == Op::less || op == Op::less_equal || op == Op::greater || op == Op::greater_equal; }

// `3 < x` read as `x > 3`.
Op flipped(Op op) {
    switch (op) {
        case Op::less: return Op::greater;
        case Op::less_equal: return Op::greater_equal;
        case Op::greater: return Op::less;
        case Op::greater_equal: return Op::less_equal;
        default: return op;
    }
}

Formula test_of(int variable, Formula::Test test) {
    Formula f;
    f.kind = Formula::Kind::test;
    f.variable = variable;
    f.test = test;
    return f;
}

}  // namespace

std::string ConditionDomain::text_of(const Expr& expr) const {
    std::string out;
    if (expr.span.file >= pack_.sources.size()) return out;
    for (char c : pack_.sources[expr.span.file].slice(expr.span)) {
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

int ConditionDomain::variable_for(const Expr& expr, Variable::Kind kind) {
    std::string name = path_of(expr);
    // A path read after `x exists and ...` has lost its `optional`; any read of it that kept it,
    // and any test of its presence, makes the variable one that may be absent.
    bool optional = expr.type && expr.type->optional;
    for (std::size_t i = 0; i < variables_.size(); ++i) {
        if (variables_[i].name != name || variables_[i].kind != kind) continue;
        variables_[i].optional = variables_[i].optional || optional;
        return static_cast<int>(i);
    }
    Variable v;
    v.kind = kind;
    v.name = name;
    v.from_input = expr.resolved.kind == ast::NameKind::input;
    v.optional = optional;
    v.enum_decl = kind == Variable::Kind::enumeration ? expr.type->decl : -1;
    variables_.push_back(std::move(v));
    return static_cast<int>(variables_.size() - 1);
}

int ConditionDomain::opaque(const Expr& expr) {
    std::string name = text_of(expr);
    for (std::size_t i = 0; i < variables_.size(); ++i)
        if (variables_[i].name == name && variables_[i].kind == Variable::Kind::opaque) return static_cast<int>(i);
    Variable v;
    v.name = name;
    variables_.push_back(std::move(v));
    return static_cast<int>(variables_.size() - 1);
}

bool ConditionDomain::constant_of(const Expr& expr, std::vector<std::int64_t>& out) const {
    switch (expr.kind) {
        case ExprKind::integer:
        case ExprKind::boolean: out.push_back(expr.number); return true;
        case ExprKind::text:
            if (expr.resolved.enum_member < 0) return false;
            out.push_back(expr.resolved.enum_member);
            return true;
        case ExprKind::list:
            for (const auto& item : expr.args)
                if (!constant_of(*item, out)) return false;
            return true;
        default: return false;
    }
}

Formula ConditionDomain::relation(const Expr& expr) {
    Op op = expr.resolved.op;
    const Expr* path = expr.args[0].get();
    const Expr* other = expr.args[1].get();
    if (!is_path(*path) && is_path(*other) && op != Op::member && op != Op::not_member) {
        std::swap(path, other);
        op = flipped(op);
    }
    auto opaque_atom = [&] { return test_of(opaque(expr), Formula::Test::truthy); };
    if (!is_path(*path)) return opaque_atom();
    Variable::Kind kind = kind_of(path->type);
    if (kind == Variable::Kind::opaque) return opaque_atom();
    if (other->kind == ExprKind::absent && (op == Op::equal || op == Op::not_equal))
        return test_of(variable_for(*path, kind), op == Op::equal ? Formula::Test::absent : Formula::Test::exists);
    std::vector<std::int64_t> operands;
    if (!constant_of(*other, operands) || operands.empty()) return opaque_atom();
    bool list = other->kind == ExprKind::list;
    if (list != (op == Op::member || op == Op::not_member)) return opaque_atom();
    // Absent and enumeration members are ordered as the engine orders them; not worth guessing.
    if (is_order(op) && (kind != Variable::Kind::integer || (path->type && path->type->optional))) return opaque_atom();
    Formula f = test_of(variable_for(*path, kind), Formula::Test::relation);
    f.op = op;
    f.operands = operands;
    if (kind == Variable::Kind::integer) {
        auto& constants = variables_[f.variable].constants;
        constants.insert(constants.end(), operands.begin(), operands.end());
    }
    return f;
}

Formula ConditionDomain::compile(const Expr& expr) {
    Formula f;
    switch (expr.kind) {
        case ExprKind::boolean: f.value = expr.number != 0; return f;
        case ExprKind::unary:
            if (expr.resolved.op != Op::logical_not) break;
            f.kind = Formula::Kind::negation;
            f.parts.push_back(compile(*expr.args[0]));
            return f;
        case ExprKind::binary:
            if (expr.resolved.op == Op::logical_and || expr.resolved.op == Op::logical_or) {
                f.kind = expr.resolved.op == Op::logical_and ? Formula::Kind::all : Formula::Kind::any;
                f.parts.push_back(compile(*expr.args[0]));
                f.parts.push_back(compile(*expr.args[1]));
                return f;
            }
            if (expr.resolved.op != Op::none && expr.resolved.op != Op::add && expr.resolved.op != Op::subtract &&
                expr.resolved.op != Op::negate)
                return relation(expr);
            break;
        case ExprKind::exists:
        case ExprKind::is_absent: {
            const Expr& of = *expr.args[0];
            Variable::Kind kind = is_path(of) ? kind_of(of.type) : Variable::Kind::opaque;
            auto test = expr.kind == ExprKind::exists ? Formula::Test::exists : Formula::Test::absent;
            if (kind != Variable::Kind::opaque) {
                int variable = variable_for(of, kind);
                variables_[variable].optional = true;
                return test_of(variable, test);
            }
            break;
        }
        case ExprKind::name:
        case ExprKind::field:
            if (is_path(expr) && kind_of(expr.type) == Variable::Kind::boolean)
                return test_of(variable_for(expr, Variable::Kind::boolean), Formula::Test::truthy);
            break;
        default: break;
    }
    return test_of(opaque(expr), Formula::Test::truthy);
}

void ConditionDomain::finish_domains() {
    for (auto& v : variables_) {
        v.domain.clear();
        switch (v.kind) {
            case Variable::Kind::enumeration:
                for (std::size_t m = 0; m < pack_.enums[v.enum_decl].sorted.size(); ++m)
                    v.domain.push_back({true, static_cast<std::int64_t>(m)});
                break;
            case Variable::Kind::boolean:
            case Variable::Kind::opaque: v.domain = {{true, 0}, {true, 1}}; break;
            case Variable::Kind::integer: {
                // Every interval between two constants holds one of these.
                std::vector<std::int64_t> points;
                const auto lowest = std::numeric_limits<std::int64_t>::min(),
                           highest = std::numeric_limits<std::int64_t>::max();
                for (auto c : v.constants) {
                    points.push_back(c);
                    if (c > lowest) points.push_back(c - 1);
                    if (c < highest) points.push_back(c + 1);
                }
                if (points.empty()) points.push_back(0);
                std::sort(points.begin(), points.end());
                points.erase(std::unique(points.begin(), points.end()), points.end());
                for (auto p : points) v.domain.push_back({true, p});
                break;
            }
        }
        if (v.optional && v.kind != Variable::Kind::opaque) v.domain.push_back({false, 0});
    }
}

std::uint64_t ConditionDomain::assignments(std::uint64_t limit) const {
    std::uint64_t total = 1;
    for (const auto& v : variables_) {
        total *= v.domain.size();
        if (total > limit) return limit + 1;
    }
    return total;
}

std::vector<DomainValue> ConditionDomain::assignment(std::uint64_t index) const {
    std::vector<DomainValue> values;
    for (const auto& v : variables_) {
        values.push_back(v.domain[index % v.domain.size()]);
        index /= v.domain.size();
    }
    return values;
}

bool ConditionDomain::holds(const Formula& f, const std::vector<DomainValue>& values) const {
    switch (f.kind) {
        case Formula::Kind::constant: return f.value;
        case Formula::Kind::all:
            return std::all_of(f.parts.begin(), f.parts.end(), [&](const Formula& p) { return holds(p, values); });
        case Formula::Kind::any:
            return std::any_of(f.parts.begin(), f.parts.end(), [&](const Formula& p) { return holds(p, values); });
        case Formula::Kind::negation: return !holds(f.parts.front(), values);
        case Formula::Kind::test: break;
    }
    const DomainValue& v = values[f.variable];
    switch (f.test) {
        case Formula::Test::truthy: return v.present && v.number != 0;
        case Formula::Test::exists: return v.present;
        case Formula::Test::absent: return !v.present;
        case Formula::Test::relation: break;
    }
    bool in = v.present && std::find(f.operands.begin(), f.operands.end(), v.number) != f.operands.end();
    std::int64_t k = f.operands.front();
    switch (f.op) {
        case Op::equal:
        case Op::member: return in;
        case Op::not_equal:
        case Op::not_member: return !in;
        case Op::less: return v.present && v.number < k;
        case Op::less_equal: return v.present && v.number <= k;
        case Op::greater: return v.present && v.number > k;
        case Op::greater_equal: return v.present && v.number >= k;
        default: return false;
    }
}

void ConditionDomain::read_by(const Formula& f, std::vector<int>& out) const {
    if (f.kind == Formula::Kind::test && std::find(out.begin(), out.end(), f.variable) == out.end())
        out.push_back(f.variable);
    for (const auto& part : f.parts) read_by(part, out);
}

std::string ConditionDomain::describe_value(const Variable& v, const DomainValue& value) const {
    if (v.kind == Variable::Kind::opaque) return v.name + (value.number ? " holds" : " does not hold");
    if (!value.present) return v.name + " is absent";
    std::string shown = std::to_string(value.number);
    if (v.kind == Variable::Kind::boolean) shown = value.number ? "true" : "false";
    if (v.kind == Variable::Kind::enumeration) shown = "\"" + pack_.enums[v.enum_decl].sorted[value.number] + "\"";
    return v.name + " = " + shown;
}

std::string ConditionDomain::describe(const std::vector<DomainValue>& values, const std::vector<int>& variables) const {
    std::vector<int> sorted = variables;
    std::sort(sorted.begin(), sorted.end());
    std::string out;
    for (int i : sorted) out += (out.empty() ? "" : ", ") + describe_value(variables_[i], values[i]);
    return out;
}

}  // namespace frontdoor::dsl
