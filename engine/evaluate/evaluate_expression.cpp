// The expression interpreter: one switch over the kinds of expression the checker accepted.
#include "engine/calendar/civil_time.hpp"
#include "engine/evaluate/checked_arithmetic.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/evaluate/value_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace frontdoor::engine {

namespace ast = dsl::ast;
using ast::Expr;
using ast::ExprKind;
using ast::Op;

namespace {

constexpr const char* integer_overflow = "integer overflow";
constexpr const char* date_out_of_range = "a date outside the years 0000 to 9999";
constexpr const char* time_out_of_range = "a time outside the years 0000 to 9999";

// An elapsed duration in microseconds; false when that does not fit in 64 bits.
bool elapsed_micros(const Value& d, std::int64_t& out) {
    switch (static_cast<ast::DurationUnit>(d.duration_unit)) {
        case ast::DurationUnit::seconds: return checked::multiply(d.number, 1'000'000, out);
        case ast::DurationUnit::minutes: return checked::multiply(d.number, 60'000'000, out);
        case ast::DurationUnit::hours: return checked::multiply(d.number, 3'600'000'000, out);
        default: throw EvaluationError("not an elapsed duration");
    }
}

Value duration_value(const Expr& expr) {
    Value v;
    v.kind = Value::Kind::duration;
    v.duration_unit = static_cast<std::uint8_t>(expr.unit);
    v.number = expr.number;
    v.calendar = expr.resolved.index;
    return v;
}

}  // namespace

const Value& Evaluation::path_root(const Expr& expr) {
    if (expr.resolved.kind != ast::NameKind::definition) fail("not a value: " + expr.text);
    return definition(expr.resolved.index);
}

Value Evaluation::eval(const Expr& expr) {
    if (int constant = plans_[expr.id].constant; constant >= 0) return keep(pack_.constants[constant]);
    switch (expr.kind) {
        case ExprKind::boolean: return Value::boolean(expr.number != 0);
        case ExprKind::integer: return Value::integer(expr.number);
        case ExprKind::text:
            return expr.resolved.enum_member >= 0 ? Value::enumeration(expr.resolved.enum_member)
                                                  : Value::string(expr.text, arena_);
        case ExprKind::absent: return Value::absent();
        case ExprKind::date: return Value::date(static_cast<std::int32_t>(expr.number));
        case ExprKind::datetime: return Value::datetime(expr.number);
        case ExprKind::duration: return duration_value(expr);
        case ExprKind::list: {
            ValueBuffer items;
            for (const auto& item : expr.args) items.push_back(eval(*item));
            return expr.type && expr.type->kind == dsl::TypeKind::set ? Value::set(items.items(), arena_)
                                                                      : Value::list(items.items(), arena_);
        }
        case ExprKind::record: return record_literal(expr);
        case ExprKind::name: return keep(path(expr));
        case ExprKind::field: {
            if (is_path(expr)) return keep(path(expr));
            Value record = eval(*expr.args[0]);  // a field of a computed record: latest(...).unit
            return record.present() ? keep(record.elements()[expr.resolved.field_index]) : Value::absent();
        }
        case ExprKind::call: return call(expr);
        case ExprKind::unary: {
            Scratch scratch;
            const Value& value = operand(*expr.args[0], scratch);
            if (expr.resolved.op == Op::logical_not) return Value::boolean(!value.truthy());
            std::int64_t negated;
            if (!checked::negate(value.number, negated)) [[unlikely]]
                throw OutOfRange(expr, integer_overflow);
            return Value::integer(negated);
        }
        case ExprKind::binary: return binary(expr);
        case ExprKind::if_then_else: return holds(*expr.args[0]) ? eval(*expr.args[1]) : eval(*expr.args[2]);
        case ExprKind::exists:
        case ExprKind::is_absent: return Value::boolean(holds(expr));
        case ExprKind::quantifier: return quantifier(expr);
    }
    fail("unknown expression");
}

Value Evaluation::record_literal(const Expr& expr) {
    const std::vector<Value>& defaults = pack_.defaults[expr.type->decl];
    Value* fields;
    Value record = Value::with_items(Value::Kind::record, defaults.size(), fields, arena_);
    for (std::size_t i = 0; i < defaults.size(); ++i) fields[i] = keep(defaults[i]);
    for (std::size_t i = 0; i < expr.fields.size(); ++i)
        fields[expr.resolved.field_indices[i]] = eval(*expr.fields[i].second);
    return record;
}

Value Evaluation::call(const Expr& expr) {
    switch (expr.resolved.builtin) {
        case ast::Builtin::table_lookup: return lookup(expr);
        case ast::Builtin::first_present:
            for (const auto& arg : expr.args) {
                Value v = eval(*arg);
                if (v.present()) return v;
            }
            return Value::absent();
        case ast::Builtin::count: {
            Scratch list;
            return Value::integer(static_cast<std::int64_t>(operand(*expr.args[0], list).elements().size()));
        }
        case ast::Builtin::whole_years: {
            Scratch birth, on;
            return Value::integer(
                time::whole_years_between(static_cast<time::DayNumber>(operand(*expr.args[0], birth).number),
                                          static_cast<time::DayNumber>(operand(*expr.args[1], on).number)));
        }
        default: break;
    }
    const time::Calendar& calendar = pack_.checked->calendars[expr.args[0]->resolved.index];
    Scratch instant;
    time::Instant t = operand(*expr.args[1], instant).number;
    switch (expr.resolved.builtin) {
        case ast::Builtin::local_date: return Value::date(calendar.local_date(t));
        case ast::Builtin::is_open: return Value::boolean(calendar.is_open(t));
        case ast::Builtin::next_opening: return checked_instant(expr, calendar.next_opening(t));
        default: fail("unknown function " + expr.text);
    }
}

Value Evaluation::lookup(const Expr& expr) {
    int slot = expr.resolved.index;
    const ast::Table& table = pack_.checked->syntax.tables[pack_.checked->definitions[slot].syntax_index];
    Scratch key_scratch;
    const Value& key = operand(*expr.args[0], key_scratch);
    for (std::size_t i = 0; i < table.entries.size(); ++i) {
        const ast::TableEntry& entry = table.entries[i];
        if (entry.key) {
            Scratch entry_scratch;
            if (!equal(operand(*entry.key, entry_scratch), key)) continue;
        }
        Value value = eval(*entry.value);
        if (trace_) {
            bool seen = std::any_of(trace_->entries.begin(), trace_->entries.end(), [&](const TraceEntry& e) {
                return e.definition == slot && e.row == static_cast<int>(i) && equal(e.key, key);
            });
            if (!seen) {
                TraceEntry traced;
                traced.definition = slot;
                traced.row = static_cast<int>(i);
                traced.key = keep(key);
                traced.key_type = &expr.args[0]->type;
                traced.value = value;
                traced.type = &pack_.checked->definitions[slot].type;
                trace_->entries.push_back(std::move(traced));
            }
        }
        return value;
    }
    fail("table " + table.name + " has no entry for the key");
}

namespace {

bool is_relation(Op op) {
    switch (op) {
        case Op::equal:
        case Op::not_equal:
        case Op::less:
        case Op::less_equal:
        case Op::greater:
        case Op::greater_equal:
        case Op::member:
        case Op::not_member: return true;
        default: return false;
    }
}

// Whether `item` is in a list or set. Sets are sorted: bisection, and for a set of one scalar
// kind (integers, enumeration members, dates...) on the numbers alone.
bool contains(const Value& collection, const Value& item) {
    const auto& items = collection.elements();
    if (!collection.is_set)
        return std::any_of(items.begin(), items.end(), [&](const Value& x) { return equal(x, item); });
    if (items.empty()) return false;
    if (is_number_kind(item.kind) && items.front().kind == item.kind && items.back().kind == item.kind) {
        auto at = std::lower_bound(items.begin(), items.end(), item.number,
                                   [](const Value& x, std::int64_t n) { return x.number < n; });
        return at != items.end() && at->number == item.number;
    }
    return std::binary_search(items.begin(), items.end(), item,
                              [](const Value& a, const Value& b) { return compare(a, b) < 0; });
}

}  // namespace

Value Evaluation::binary(const Expr& expr) {
    Op op = expr.resolved.op;
    if (op == Op::logical_and || op == Op::logical_or || is_relation(op)) return Value::boolean(holds(expr));
    Scratch left_value, right_value;
    return arithmetic(expr, operand(*expr.args[0], left_value), operand(*expr.args[1], right_value));
}

// A comparison or membership test, its operands read in place where they can be.
bool Evaluation::relation(const Expr& expr) {
    // `x in S` with S a constant set of enumeration members: one bit test. With an explanation the
    // general path runs, so that reading S's definition is recorded.
    if (int bits = plans_[expr.id].member_bits; bits >= 0 && !trace_) {
        Scratch scratch;
        const Value& item = operand(*expr.args[0], scratch);
        if (item.kind == Value::Kind::enumeration || !item.present()) {
            bool found = item.present() && pack_.has_member(bits, item.number);
            return expr.resolved.op == Op::member ? found : !found;
        }
    }
    Scratch left_value, right_value;
    const Value& left = operand(*expr.args[0], left_value);
    const Value& right = operand(*expr.args[1], right_value);
    switch (expr.resolved.op) {
        case Op::equal: return equal(left, right);
        case Op::not_equal: return !equal(left, right);
        case Op::less: return compare(left, right) < 0;
        case Op::less_equal: return compare(left, right) <= 0;
        case Op::greater: return compare(left, right) > 0;
        case Op::greater_equal: return compare(left, right) >= 0;
        case Op::member: return contains(right, left);
        case Op::not_member: return !contains(right, left);
        default: fail("not a comparison: " + expr.text);
    }
}

bool Evaluation::holds(const Expr& expr) {
    const ExpressionPlan& plan = plans_[expr.id];
    // A condition with a flat program runs it (with an explanation too: it settles the same
    // definitions in the same order as the walk below).
    if (plan.program >= 0) return run_condition(plan.program);
    switch (plan.test) {
        case ConditionTest::general: break;
        case ConditionTest::equal_constant:
        case ConditionTest::not_equal_constant: {
            const Value& left = path(*expr.args[0]);
            bool same = equal(left, pack_.constants[plan.compared_constant]);
            return expr.resolved.op == Op::equal ? same : !same;
        }
        case ConditionTest::order_constant: {
            const Value& left = path(*expr.args[0]);
            int order = compare(left, pack_.constants[plan.compared_constant]);
            switch (expr.resolved.op) {
                case Op::less: return order < 0;
                case Op::less_equal: return order <= 0;
                case Op::greater: return order > 0;
                default: return order >= 0;
            }
        }
        case ConditionTest::both: return holds(*expr.args[0]) && holds(*expr.args[1]);
        case ConditionTest::either: return holds(*expr.args[0]) || holds(*expr.args[1]);
        case ConditionTest::negation: return !holds(*expr.args[0]);
        case ConditionTest::relation: return relation(expr);
        case ConditionTest::path: return path(expr).truthy();
    }
    // The shapes left to the general way: a folded constant, `exists`, `if`, and what is computed.
    if (plan.constant >= 0) return pack_.constants[plan.constant].truthy();
    switch (expr.kind) {
        case ExprKind::exists:
        case ExprKind::is_absent: {
            Scratch scratch;
            return operand(*expr.args[0], scratch).present() == (expr.kind == ExprKind::exists);
        }
        case ExprKind::if_then_else: return holds(*expr.args[0]) ? holds(*expr.args[1]) : holds(*expr.args[2]);
        default: break;
    }
    return eval(expr).truthy();
}

// The path a step reads, in place: path() without the syntax tree.
[[gnu::always_inline]] inline const Value& Evaluation::step_path(const ConditionStep& step) {
    const Value* value;
    if (step.root == ast::NameKind::input) [[likely]]
        value = &input_;
    else if (step.root == ast::NameKind::definition) value = &definition(step.root_index);
    else value = locals_[step.root_index];
    const int* field = pack_.condition_fields.data() + step.first_field;
    for (int i = 0; i < step.field_count; ++i) {
        if (!value->present()) return absent_value;
        value = &value->elements()[static_cast<std::size_t>(field[i])];
    }
    return *value;
}

// A condition's flat program (condition_program.hpp), from `start` to its `done`: the same tests,
// in the same order and with the same short cuts, as holds() walking the condition's tree.
bool Evaluation::run_condition(int start) {
    const ConditionStep* steps = pack_.condition_steps.data();
    const Value* constants = pack_.constants.data();
    bool r = false;
    for (auto pc = static_cast<std::size_t>(start);; ++pc) {
        const ConditionStep& step = steps[pc];
        switch (step.op) {
            case ConditionOp::equal: r = equal(step_path(step), constants[step.argument]); break;
            case ConditionOp::not_equal: r = !equal(step_path(step), constants[step.argument]); break;
            case ConditionOp::less: r = compare(step_path(step), constants[step.argument]) < 0; break;
            case ConditionOp::less_equal: r = compare(step_path(step), constants[step.argument]) <= 0; break;
            case ConditionOp::greater: r = compare(step_path(step), constants[step.argument]) > 0; break;
            case ConditionOp::greater_equal: r = compare(step_path(step), constants[step.argument]) >= 0; break;
            case ConditionOp::member:
            case ConditionOp::not_member: {
                // With an explanation, relation() reads the set's definition, so that it is recorded.
                const Value& item = step_path(step);
                if (!trace_ && (item.kind == Value::Kind::enumeration || !item.present())) {
                    bool found = item.present() && pack_.has_member(step.argument, item.number);
                    r = step.op == ConditionOp::member ? found : !found;
                } else {
                    r = relation(*step.expr);
                }
                break;
            }
            case ConditionOp::truthy: r = step_path(step).truthy(); break;
            case ConditionOp::present: r = step_path(step).present(); break;
            case ConditionOp::absent: r = !step_path(step).present(); break;
            case ConditionOp::general: r = holds(*step.expr); break;
            case ConditionOp::negate: r = !r; break;
            case ConditionOp::jump_if_false:
                if (!r) pc = static_cast<std::size_t>(step.argument) - 1;
                break;
            case ConditionOp::jump_if_true:
                if (r) pc = static_cast<std::size_t>(step.argument) - 1;
                break;
            case ConditionOp::done: return r;
        }
    }
}

// + and - on integers, texts, dates and times. Every integer step is checked, and a date or time
// that leaves the years the reader accepts is refused (OutOfRange), never wrapped.
Value Evaluation::arithmetic(const Expr& expr, const Value& left, const Value& right) {
    bool add = expr.resolved.op == Op::add;
    if (left.kind == Value::Kind::integer) {
        std::int64_t result;
        bool fits = add ? checked::add(left.number, right.number, result)
                        : checked::subtract(left.number, right.number, result);
        if (!fits) [[unlikely]]
            throw OutOfRange(expr, integer_overflow);
        return Value::integer(result);
    }
    if (left.kind == Value::Kind::text) {
        std::string_view a = left.text(), b = right.text();
        char* chars;
        Value joined = Value::with_chars(a.size() + b.size(), chars, arena_);
        if (!a.empty()) std::memcpy(chars, a.data(), a.size());
        if (!b.empty()) std::memcpy(chars + a.size(), b.data(), b.size());
        return joined;
    }
    auto unit = static_cast<ast::DurationUnit>(right.duration_unit);
    if (unit == ast::DurationUnit::days || unit == ast::DurationUnit::months ||
        unit == ast::DurationUnit::working_days) {
        // No count of days, months or working days larger than the whole range of dates can land
        // inside it; refusing those first keeps the calendar's int arithmetic within bounds.
        constexpr std::int64_t span = std::int64_t{time::latest_day} - time::earliest_day;
        if (right.number < -span || right.number > span) [[unlikely]]
            throw OutOfRange(expr, left.kind == Value::Kind::date ? date_out_of_range : time_out_of_range);
    }
    if (left.kind == Value::Kind::date) {
        auto day = static_cast<time::DayNumber>(left.number);
        auto n = static_cast<int>(add ? right.number : -right.number);
        std::int64_t moved =
            unit == ast::DurationUnit::months ? time::add_months_clamped(day, n) : std::int64_t{day} + n;
        if (!time::in_range_day(moved)) [[unlikely]]
            throw OutOfRange(expr, date_out_of_range);
        return Value::date(static_cast<time::DayNumber>(moved));
    }
    if (unit == ast::DurationUnit::working_days) {
        auto n = static_cast<int>(add ? right.number : -right.number);
        return checked_instant(expr, pack_.checked->calendars[right.calendar].add_working_days(left.number, n));
    }
    std::int64_t micros, moved;
    bool fits = elapsed_micros(right, micros) &&
                (add ? checked::add(left.number, micros, moved) : checked::subtract(left.number, micros, moved));
    if (!fits) [[unlikely]]
        throw OutOfRange(expr, time_out_of_range);
    return checked_instant(expr, moved);
}

Value Evaluation::checked_instant(const Expr& expr, std::int64_t instant) const {
    if (!time::in_range_instant(instant)) [[unlikely]]
        throw OutOfRange(expr, time_out_of_range);
    return Value::datetime(instant);
}

Value Evaluation::quantifier(const Expr& expr) {
    Scratch scratch;
    const Value& list = operand(*expr.args[0], scratch);
    int local = expr.resolved.index;
    const Expr* where = expr.has_where ? expr.args[1].get() : nullptr;
    auto holds_for = [&](const Value& item) {
        bind(local, item);
        return !where || holds(*where);
    };
    const auto& items = list.elements();
    switch (expr.resolved.quantifier) {
        case ast::Quantifier::any: return Value::boolean(std::any_of(items.begin(), items.end(), holds_for));
        case ast::Quantifier::all: return Value::boolean(std::all_of(items.begin(), items.end(), holds_for));
        case ast::Quantifier::count: return Value::integer(std::count_if(items.begin(), items.end(), holds_for));
        case ast::Quantifier::filter: {
            ValueBuffer kept;
            for (const Value& item : items)
                if (holds_for(item)) kept.push_back(keep(item));
            return Value::list(kept.items(), arena_);
        }
        case ast::Quantifier::latest:
        case ast::Quantifier::earliest: {
            // The first item wins a full tie, whichever direction is asked for.
            bool latest = expr.resolved.quantifier == ast::Quantifier::latest;
            const Value* best = nullptr;
            ValueBuffer best_keys, keys;
            for (const Value& item : items) {
                if (!holds_for(item)) continue;
                keys.clear();
                for (const auto& key : expr.keys) keys.push_back(eval(*key));
                int order = 0;
                for (std::size_t i = 0; i < keys.size() && order == 0 && best; ++i)
                    order = compare(keys.items()[i], best_keys.items()[i]);
                if (!best || (latest ? order > 0 : order < 0)) {
                    best = &item;
                    best_keys.clear();
                    for (Value& key : keys.items()) best_keys.push_back(std::move(key));
                }
            }
            return best ? keep(*best) : Value::absent();
        }
    }
    return Value::absent();
}

// For an explanation: the conjunct of an `and` chain that made the condition false.
const Expr* Evaluation::failing_part(const Expr& condition) {
    if (condition.kind == ExprKind::binary && condition.resolved.op == Op::logical_and) {
        if (!holds(*condition.args[0])) return failing_part(*condition.args[0]);
        return failing_part(*condition.args[1]);
    }
    return &condition;
}

}  // namespace frontdoor::engine
