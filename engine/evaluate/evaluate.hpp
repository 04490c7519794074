#pragma once
// One evaluation of a compiled pack on one input: its own frame of memoised definition values and
// bound variables, so that any number of threads can evaluate the same pack at once. Definitions
// are computed on demand and at most once; a first-match decision stops at its first matching row,
// so nothing is computed that the result does not need.
#include "engine/evaluate/decision_arena.hpp"
#include "engine/evaluate/trace.hpp"
#include "engine/load/compiled_pack.hpp"

#include <memory>
#include <new>
#include <stdexcept>

namespace frontdoor::engine {

// A broken engine (never bad input): a value of the wrong kind reached an operation the checker
// had allowed. Reported as an internal error, never as a decision.
struct EvaluationError : std::logic_error {
    using std::logic_error::logic_error;
};

// A value the language cannot hold: an integer beyond 64 bits, or a date or time outside the years
// the reader accepts (time::in_range_day, time::in_range_instant). The rules met an input (or a
// constant) they cannot compute with; never a wrapped value. At decide time the contact is refused
// (refused_for_out_of_range); at load, in constant folding, it is an error at the expression.
struct OutOfRange : std::runtime_error {
    OutOfRange(const dsl::ast::Expr& at, const char* problem) : std::runtime_error(problem), expr(&at) {}
    const dsl::ast::Expr* expr;  // the operation that overflowed
};

// A name, or fields read from a name: read in place by Evaluation::path.
inline bool is_path(const dsl::ast::Expr& expr) {
    return (expr.kind == dsl::ast::ExprKind::name || expr.kind == dsl::ast::ExprKind::field) &&
           expr.resolved.kind != dsl::ast::NameKind::unresolved;
}

// Room for one operand that has to be computed: constructed only then, so that the common case,
// an operand read in place (a path or a folded constant), costs no value at all.
class Scratch {
public:
    Scratch() {}
    ~Scratch() {
        if (used_) value_.~Value();
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    const Value& hold(Value v) {
        if (used_) {
            value_ = std::move(v);
        } else {
            new (&value_) Value(std::move(v));
            used_ = true;
        }
        return value_;
    }

private:
    union {
        Value value_;
    };
    bool used_ = false;
};

// An evaluation's working memory, reused by the next evaluation on the same thread: deciding a
// contact allocates no frame. Between evaluations every slot is absent and every state 0.
struct EvaluationFrame {
    std::vector<Value> slots;          // memoised definition values
    std::vector<std::uint8_t> state;   // 0 not computed, 1 computing, 2 done
    std::vector<int> settled;          // the slots whose state is not 0, to be cleared afterwards
    std::vector<const Value*> locals;  // bound variables
    // The rows an indexed decision tries (RowIndex), a stack: a decision settled while another is
    // trying its rows pushes its own above them and pops them when done.
    std::vector<std::uint32_t> candidates;
    RowIndexScratch row_scratch;
};

class ValueBuffer;

class Evaluation {
public:
    // `trace` may be null: no explanation is recorded then, at no cost. With an `arena`, the
    // values the evaluation makes live in it and every value it copies is borrowed
    // (Value::borrowed): no allocation and no reference count, and nothing it returns or records
    // may outlive the arena's next reset(), nor `input`. Without one they are shared on the heap.
    Evaluation(const CompiledPack& pack, const Value& input, Trace* trace, DecisionArena* arena = nullptr);
    ~Evaluation();
    Evaluation(const Evaluation&) = delete;
    Evaluation& operator=(const Evaluation&) = delete;

    Value eval(const dsl::ast::Expr& expr);
    // Whether a boolean expression holds: eval(expr).truthy(), without building boolean values.
    bool holds(const dsl::ast::Expr& expr);
    // A name or field path read in place, without copying the values along the way. Inline and
    // calling nothing in the common cases (an input field, a definition already computed, a bound
    // variable), so that reading a path costs no call.
    const Value& path(const dsl::ast::Expr& expr) {
        const dsl::ast::Resolution& name = expr.resolved;
        const Value* value;
        if (name.kind == dsl::ast::NameKind::input) [[likely]]
            value = &input_;
        else if (name.kind == dsl::ast::NameKind::definition && state_[name.index] == 2) value = &slots_[name.index];
        else if (name.kind == dsl::ast::NameKind::local) value = locals_[name.index];
        else value = &path_root(expr);
        for (int field : name.field_path) {
            if (!value->present()) return absent_value;
            value = &value->elements()[static_cast<std::size_t>(field)];
        }
        return *value;
    }
    // An expression's value read in place when it is a path or a folded constant (no copy),
    // computed into `scratch` otherwise. A path reads a name, so it is never folded: it is told
    // apart first, from the expression itself, without reading its plan.
    const Value& operand(const dsl::ast::Expr& expr, Scratch& scratch) {
        if (is_path(expr)) return path(expr);
        int constant = plans_[expr.id].constant;
        if (constant >= 0) return pack_.constants[static_cast<std::size_t>(constant)];
        return scratch.hold(eval(expr));
    }
    const Value& definition(int slot) {
        if (state_[slot] == 2) return slots_[slot];  // the common case, inline: already computed
        return first_use(slot);
    }
    // Binds a local variable to a value that outlives its use (an item of a list being walked).
    void bind(int local, const Value& value) { locals_[local] = &value; }
    const Value& input() const { return input_; }

private:
    // The root of a path that is neither an input field, a computed definition nor a local: a
    // definition's first use.
    const Value& path_root(const dsl::ast::Expr& expr);
    const Value& first_use(int slot);
    Value compute(int slot, TraceEntry* entry);
    Value first_match(int slot, TraceEntry* entry);
    Value first_indexed_match(int slot);
    Value collect(int slot);
    template <class RowNumber>
    void collect_rows(int slot, const dsl::ast::Decision& decision, std::size_t count, RowNumber&& row_number,
                      ValueBuffer& items);
    std::size_t push_candidates(const RowIndex& index);
    Value lookup(const dsl::ast::Expr& call);
    Value call(const dsl::ast::Expr& expr);
    Value binary(const dsl::ast::Expr& expr);
    bool relation(const dsl::ast::Expr& expr);
    bool run_condition(int start);
    bool row_applies(const std::int32_t* programs, const dsl::ast::Decision& decision, std::size_t row);
    const Value& step_path(const ConditionStep& step);
    Value arithmetic(const dsl::ast::Expr& expr, const Value& left, const Value& right);
    Value checked_instant(const dsl::ast::Expr& expr, std::int64_t instant) const;
    Value quantifier(const dsl::ast::Expr& expr);
    Value record_literal(const dsl::ast::Expr& expr);
    const dsl::ast::Expr* failing_part(const dsl::ast::Expr& condition);
    TraceRun record_reads(ReadSites sites);

    [[noreturn]] void fail(const std::string& what) const;
    // A copy of `value` for this evaluation to keep: borrowed with an arena, shared without.
    Value keep(const Value& value) const { return arena_ ? Value::borrowed(value) : value; }

    const CompiledPack& pack_;
    const ExpressionPlan* plans_;  // pack_.plans, by Expr::id
    DecisionArena* arena_;
    Value input_;
    Trace* trace_;
    std::unique_ptr<EvaluationFrame> frame_;
    // The frame's arrays, which do not move during an evaluation.
    Value* slots_;
    std::uint8_t* state_;
    const Value** locals_;
    int* settled_;
    int settled_count_ = 0;
};

}  // namespace frontdoor::engine
