#pragma once
// One evaluation of a compiled pack on one input: its own frame of memoised definition values and
// bound variables, so that any number of threads can evaluate the same pack at once. Definitions
// are computed on demand and at most once; a first-match decision stops at its first matching row,
// so nothing is computed that the result does not need.
#include "engine/compiled_pack.hpp"
#include "engine/trace.hpp"

#include <memory>
#include <stdexcept>

namespace frontdoor::engine {

// A broken engine (never bad input): a value of the wrong kind reached an operation the checker
// had allowed. Reported as an internal error, never as a decision.
struct EvaluationError : std::logic_error {
    using std::logic_error::logic_error;
};

// An evaluation's working memory, reused by the next evaluation on the same thread: deciding a
// contact allocates no frame. Between evaluations every slot is absent and every state 0.
struct EvaluationFrame {
    std::vector<Value> slots;          // memoised definition values
    std::vector<std::uint8_t> state;   // 0 not computed, 1 computing, 2 done
    std::vector<const Value*> locals;  // bound variables
};

class Evaluation {
public:
    // `trace` may be null: no explanation is recorded then, at no cost.
    Evaluation(const CompiledPack& pack, Value input, Trace* trace);
    ~Evaluation();
    Evaluation(const Evaluation&) = delete;
    Evaluation& operator=(const Evaluation&) = delete;

    Value eval(const dsl::ast::Expr& expr);
    // Whether a boolean expression holds: eval(expr).truthy(), without building boolean values.
    bool holds(const dsl::ast::Expr& expr);
    // A name or field path read in place, without copying the values along the way.
    const Value& path(const dsl::ast::Expr& expr);
    const Value& definition(int slot);
    // Binds a local variable to a value that outlives its use (an item of a list being walked).
    void bind(int local, const Value& value) { locals_[local] = &value; }
    const Value& input() const { return input_; }
    // The facts an expression reads: input paths and definitions, with their values.
    std::vector<Read> reads_of(const dsl::ast::Expr& expr);

private:
    Value compute(int slot, TraceEntry* entry);
    Value first_match(int slot, TraceEntry* entry);
    Value collect(int slot);
    Value lookup(const dsl::ast::Expr& call);
    Value call(const dsl::ast::Expr& expr);
    Value binary(const dsl::ast::Expr& expr);
    const Value& operand(const dsl::ast::Expr& expr, Value& scratch);
    bool relation(const dsl::ast::Expr& expr);
    Value arithmetic(dsl::ast::Op op, const Value& left, const Value& right);
    Value quantifier(const dsl::ast::Expr& expr);
    Value record_literal(const dsl::ast::Expr& expr);
    const dsl::ast::Expr* failing_part(const dsl::ast::Expr& condition);
    void collect_reads(const dsl::ast::Expr& expr, std::vector<Read>& out);

    [[noreturn]] void fail(const std::string& what) const;

    const CompiledPack& pack_;
    Value input_;
    Trace* trace_;
    std::unique_ptr<EvaluationFrame> frame_;
    std::vector<Value>& slots_;
    std::vector<std::uint8_t>& state_;
    std::vector<const Value*>& locals_;
};

}  // namespace frontdoor::engine
