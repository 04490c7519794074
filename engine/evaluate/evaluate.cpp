#include "engine/evaluate/evaluate.hpp"
#include "engine/evaluate/value_buffer.hpp"

#include <algorithm>

namespace frontdoor::engine {

namespace ast = dsl::ast;
using ast::Expr;
using ast::ExprKind;
using ast::Op;

namespace {

// Frames left by finished evaluations on this thread, ready for the next.
thread_local std::vector<std::unique_ptr<EvaluationFrame>> spare_frames;

std::unique_ptr<EvaluationFrame> take_frame(std::size_t slots, std::size_t locals) {
    std::unique_ptr<EvaluationFrame> frame;
    if (spare_frames.empty()) {
        frame = std::make_unique<EvaluationFrame>();
    } else {
        frame = std::move(spare_frames.back());
        spare_frames.pop_back();
    }
    if (frame->slots.size() < slots) {
        frame->slots.resize(slots);
        frame->state.resize(slots, 0);
        frame->settled.resize(slots);
    }
    frame->locals.assign(locals, &absent_value);
    frame->candidates.clear();
    return frame;
}

}  // namespace

Evaluation::Evaluation(const CompiledPack& pack, const Value& input, Trace* trace, DecisionArena* arena)
    : pack_(pack),
      plans_(pack.plans.data()),
      arena_(arena),
      input_(keep(input)),
      trace_(trace),
      frame_(take_frame(pack.checked->definitions.size(), static_cast<std::size_t>(pack.checked->local_count))),
      slots_(frame_->slots.data()),
      state_(frame_->state.data()),
      locals_(frame_->locals.data()),
      settled_(frame_->settled.data()) {}

Evaluation::~Evaluation() {
    for (int i = 0; i < settled_count_; ++i) {
        int slot = settled_[i];
        slots_[slot] = Value();
        state_[slot] = 0;
    }
    if (spare_frames.size() < 4) spare_frames.push_back(std::move(frame_));
}

void Evaluation::fail(const std::string& what) const { throw EvaluationError(what); }

// A definition not yet in the frame: a constant read in place, or computed now (and once).
const Value& Evaluation::first_use(int slot) {
    if (!pack_.constant_definitions.empty() && pack_.constant_definitions[slot]) {
        const Value& constant = *pack_.constant_definitions[slot];
        if (!trace_) return constant;  // read in place: no copy, no reference count touched
        state_[slot] = 2;              // explained: copied into the frame once, and recorded once
        settled_[settled_count_++] = slot;
        slots_[slot] = keep(constant);
        TraceEntry entry;
        entry.definition = slot;
        entry.value = slots_[slot];
        entry.type = &pack_.checked->definitions[slot].type;
        trace_->entries.push_back(std::move(entry));
        return slots_[slot];
    }
    if (state_[slot] == 1) fail("cycle at " + pack_.checked->definitions[slot].name);
    state_[slot] = 1;
    settled_[settled_count_++] = slot;
    if (!trace_) {
        slots_[slot] = compute(slot, nullptr);
        state_[slot] = 2;
        return slots_[slot];
    }
    TraceEntry entry;
    slots_[slot] = compute(slot, &entry);
    state_[slot] = 2;
    if (pack_.checked->definitions[slot].kind != dsl::DefinitionKind::table) {
        entry.definition = slot;
        entry.value = slots_[slot];
        entry.type = &pack_.checked->definitions[slot].type;
        trace_->entries.push_back(std::move(entry));
    }
    return slots_[slot];
}

Value Evaluation::compute(int slot, TraceEntry* entry) {
    const dsl::Definition& definition = pack_.checked->definitions[slot];
    switch (definition.kind) {
        case dsl::DefinitionKind::let: {
            const ast::Let& let = pack_.checked->syntax.lets[definition.syntax_index];
            Value value = eval(*let.value);
            if (entry) entry->reads = record_reads(pack_.explanation.entry_reads[slot][0]);
            return value;
        }
        case dsl::DefinitionKind::decision:
            return pack_.decision(slot).policy == ast::HitPolicy::first_match ? first_match(slot, entry)
                                                                              : collect(slot);
        case dsl::DefinitionKind::table: return Value::absent();  // tables are looked up, not computed
    }
    return Value::absent();
}

// The facts `sites` read, appended to the trace as one run.
TraceRun Evaluation::record_reads(ReadSites sites) {
    const ReadSite* site = pack_.explanation.read_sites.data();
    // A definition read for the first time is settled first, recording its own entry and reads,
    // so that none of them lands inside this run.
    for (std::uint32_t i = sites.begin; i < sites.end; ++i)
        if (site[i].definition >= 0) definition(site[i].definition);
    std::vector<Read>& reads = trace_->reads;
    TraceRun run{static_cast<std::uint32_t>(reads.size()), 0};
    for (std::uint32_t i = sites.begin; i < sites.end; ++i) {
        const Expr& read = *site[i].expr;
        reads.push_back(Read{&site[i], is_path(read) ? keep(path(read)) : eval(read)});
    }
    run.end = static_cast<std::uint32_t>(reads.size());
    return run;
}

// The rows of an indexed decision that can apply to this input, pushed on the frame's stack of
// candidates; returns where they start. The index reads input paths only, which computes nothing.
std::size_t Evaluation::push_candidates(const RowIndex& index) {
    RowIndexScratch& scratch = frame_->row_scratch;
    index.candidates([this](const Expr& at) -> const Value& { return path(at); }, scratch);
    std::size_t from = frame_->candidates.size();
    frame_->candidates.insert(frame_->candidates.end(), scratch.merged.begin(), scratch.merged.end());
    return from;
}

// Whether row `row` of `decision` applies: its condition's flat program run, when it has one
// (programs: CompiledPack::programs_of_rows), else holds() on it.
bool Evaluation::row_applies(const std::int32_t* programs, const ast::Decision& decision, std::size_t row) {
    if (std::int32_t program = programs[row]; program >= 0) return run_condition(program);
    const ast::Row& tried = decision.rows[row];
    return !tried.condition || holds(*tried.condition);
}

// A first-match decision without an explanation: the first of the rows its index cannot rule out
// that applies. Every row left out could not have applied, so it is the row a full scan finds.
Value Evaluation::first_indexed_match(int slot) {
    const ast::Decision& decision = pack_.decision(slot);
    const std::int32_t* programs = pack_.programs_of_rows(slot);
    std::vector<std::uint32_t>& candidates = frame_->candidates;
    std::size_t from = push_candidates(pack_.row_index(slot));
    // By position, not by reference: settling a decision inside a condition may grow the stack.
    for (std::size_t c = from; c < candidates.size(); ++c) {
        std::uint32_t r = candidates[c];
        if (!row_applies(programs, decision, r)) continue;
        candidates.resize(from);
        return eval(*decision.rows[r].value);
    }
    candidates.resize(from);
    fail("first-match decision " + decision.name + " matched no row");
}

Value Evaluation::first_match(int slot, TraceEntry* entry) {
    // An explanation lists every earlier row that did not apply, each with the part that failed:
    // it needs them all tried.
    if (!trace_ && pack_.row_index(slot).used()) return first_indexed_match(slot);
    const ast::Decision& decision = pack_.decision(slot);
    // This decision's attempts are stacked above those of the decisions it is settled within.
    std::size_t pending = entry ? trace_->pending_attempts.size() : 0;
    const std::int32_t* programs = pack_.programs_of_rows(slot);
    for (std::size_t r = 0; r < decision.rows.size(); ++r) {
        const ast::Row& row = decision.rows[r];
        bool matched = row_applies(programs, decision, r);
        if (!matched) {
            if (entry) {
                const Expr* failed = failing_part(*row.condition);
                const FailedPart& part = pack_.explanation.failed_parts[static_cast<std::size_t>(failed->id)];
                TraceRun reads = record_reads(part.reads);
                trace_->pending_attempts.push_back(RowAttempt{static_cast<int>(r), failed, part.encoded, reads});
            }
            continue;
        }
        Value value = eval(*row.value);
        if (entry) {
            entry->row = static_cast<int>(r);
            entry->condition = row.condition.get();
            entry->reads = record_reads(pack_.explanation.entry_reads[slot][r]);
            std::vector<RowAttempt>& stacked = trace_->pending_attempts;
            entry->not_matched.begin = static_cast<std::uint32_t>(trace_->attempts.size());
            trace_->attempts.insert(trace_->attempts.end(), stacked.begin() + static_cast<std::ptrdiff_t>(pending),
                                    stacked.end());
            entry->not_matched.end = static_cast<std::uint32_t>(trace_->attempts.size());
            stacked.resize(pending);
        }
        return value;
    }
    fail("first-match decision " + decision.name + " matched no row");
}

// A collect decision's items, from every row that applies, in row order. Without an explanation
// only the rows its index cannot rule out are tried. With one every row is: a row's condition
// settles the definitions it reads, and the explanation lists definitions in the order they were
// settled, so leaving rows out could change that order.
Value Evaluation::collect(int slot) {
    const ast::Decision& decision = pack_.decision(slot);
    const RowIndex& index = pack_.row_index(slot);
    ValueBuffer items;
    if (!trace_ && index.used()) {
        std::vector<std::uint32_t>& candidates = frame_->candidates;
        std::size_t from = push_candidates(index);
        // By position, not by reference: settling a decision inside a condition may grow the stack.
        collect_rows(
            slot, decision, candidates.size() - from, [&](std::size_t c) { return candidates[from + c]; }, items);
        candidates.resize(from);
    } else {
        collect_rows(
            slot, decision, decision.rows.size(), [](std::size_t r) { return r; }, items);
    }
    const dsl::TypeRef& type = pack_.checked->definitions[slot].type;
    return type->kind == dsl::TypeKind::set ? Value::set(items.items(), arena_) : Value::list(items.items(), arena_);
}

// Rows row_number(0) .. row_number(count - 1) of a collect decision, ascending: each adds its
// items when it applies (for each item of its list, if it has one) and records its trace entry.
// A template, so that each way of choosing rows has the row's test inline in its loop.
template <class RowNumber>
void Evaluation::collect_rows(int slot, const ast::Decision& decision, std::size_t count, RowNumber&& row_number,
                              ValueBuffer& items) {
    const std::int32_t* programs = pack_.programs_of_rows(slot);
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t r = row_number(i);
        const ast::Row& row = decision.rows[r];
        auto apply = [&]() {
            if (!row_applies(programs, decision, r)) return false;
            items.push_back(eval(*row.value));
            return true;
        };
        std::size_t before = items.size();
        bool applied = false;
        if (row.each_list) {
            Scratch scratch;
            const Value& list = operand(*row.each_list, scratch);
            for (const Value& item : list.elements()) {
                bind(row.each_local, item);
                applied = apply() || applied;
            }
        } else {
            applied = apply();
        }
        if (applied && trace_) {
            TraceEntry entry;
            entry.definition = slot;
            entry.row = static_cast<int>(r);
            entry.condition = row.condition.get();
            if (row.condition) entry.reads = record_reads(pack_.explanation.entry_reads[slot][r]);
            entry.type = &pack_.checked->definitions[slot].type;
            Value* added;  // one allocation for the row's items and their count
            entry.value = Value::with_items(Value::Kind::list, items.size() - before, added, arena_);
            std::copy(items.items().begin() + static_cast<std::ptrdiff_t>(before), items.items().end(), added);
            trace_->entries.push_back(std::move(entry));
        }
    }
}

}  // namespace frontdoor::engine
