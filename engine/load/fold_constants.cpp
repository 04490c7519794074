// The folding passes of loading (engine/load/load_pipeline.cpp lists them in order): an expression that
// reads no input, definition or variable has the same value for every input, and so does a
// definition that does not depend on the input. Both are computed once here, so that deciding a
// contact never rebuilds an indicator catalogue or a literal list; the fixed texts a decision
// writes are encoded here too, and each condition's shortcut chosen.
#include "engine/load/fold_constants.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/explain/explain.hpp"
#include "engine/explain/out_of_range.hpp"
#include "engine/json/json_writer.hpp"
#include "engine/load/each_expression.hpp"

#include <algorithm>

namespace frontdoor::engine {

namespace ast = dsl::ast;

namespace {

bool reads_nothing(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::name || expr.kind == ast::ExprKind::call || expr.kind == ast::ExprKind::quantifier)
        return false;
    for (const auto& arg : expr.args)
        if (!reads_nothing(*arg)) return false;
    for (const auto& [name, value] : expr.fields)
        if (!reads_nothing(*value)) return false;
    return true;
}

bool reads_input(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::name && expr.resolved.kind == ast::NameKind::input) return true;
    for (const auto& arg : expr.args)
        if (reads_input(*arg)) return true;
    for (const auto& key : expr.keys)
        if (reads_input(*key)) return true;
    for (const auto& [name, value] : expr.fields)
        if (reads_input(*value)) return true;
    return false;
}

// Marks the largest constant subexpressions, evaluating each once.
// An expression that needs a working day beyond its calendar's holiday data is not folded: it is
// evaluated, and refused, for each contact that reaches it. The evaluation is started afresh then,
// so that nothing half-computed stays in its frame.
void fold(const ast::Expr& expr, CompiledPack& pack, std::optional<Evaluation>& evaluation,
          dsl::Diagnostics& diagnostics) {
    if (reads_nothing(expr) && expr.type && !is_error(expr.type)) {
        try {
            Value value = evaluation->eval(expr);
            pack.plans[static_cast<std::size_t>(expr.id)].constant = static_cast<int>(pack.constants.size());
            pack.constants.push_back(std::move(value));
            return;
        } catch (const time::BeyondHolidayData&) {
            evaluation.emplace(pack, Value::absent(), nullptr);
        } catch (const OutOfRange& out_of_range) {  // the same value for every contact: the pack is wrong
            report_out_of_range(pack, out_of_range, diagnostics);
            evaluation.emplace(pack, Value::absent(), nullptr);
            return;
        }
    }
    for (const auto& arg : expr.args) fold(*arg, pack, evaluation, diagnostics);
    for (const auto& key : expr.keys) fold(*key, pack, evaluation, diagnostics);
    for (const auto& [name, value] : expr.fields) fold(*value, pack, evaluation, diagnostics);
}

bool definition_reads_input(const dsl::CheckedPack& checked, int slot, std::vector<int>& memo) {
    if (memo[slot] >= 0) return memo[slot] == 1;
    memo[slot] = 1;  // assume so while looking (cycles were refused earlier)
    const dsl::Definition& d = checked.definitions[slot];
    bool reads = false;
    switch (d.kind) {
        case dsl::DefinitionKind::let: reads = reads_input(*checked.syntax.lets[d.syntax_index].value); break;
        case dsl::DefinitionKind::table: reads = false; break;
        case dsl::DefinitionKind::decision:
            for (const auto& row : checked.syntax.decisions[d.syntax_index].rows)
                reads = reads || (row.condition && reads_input(*row.condition)) || reads_input(*row.value) ||
                        (row.each_list && reads_input(*row.each_list));
            break;
    }
    for (int dependency : d.depends_on) reads = reads || definition_reads_input(checked, dependency, memo);
    memo[slot] = reads ? 1 : 0;
    return reads;
}

}  // namespace

namespace {

bool is_logical(const ast::Expr& expr, ast::Op op) {
    return expr.kind == ast::ExprKind::binary && expr.resolved.op == op;
}

// Only conditions are shown as text (a row's `when`, a refusal's condition, the part of one that
// failed: never an `and` inside an `and`, see Evaluation::failing_part), so only those get one. A
// copy of the text of every sub-expression made a chain of `+` or `and` cost the square of its
// length: 1 MiB of such rules took 1 GB and 13-30 s to load.
void index_texts_under(CompiledPack& pack, const ast::Expr& expr, const ast::Expr* parent) {
    bool chain_interior = parent && (is_logical(expr, ast::Op::logical_and) || is_logical(expr, ast::Op::logical_or)) &&
                          parent->kind == ast::ExprKind::binary && parent->resolved.op == expr.resolved.op;
    ExplanationTables& tables = pack.explanation;
    auto id = static_cast<std::size_t>(expr.id);
    if (expr.type && expr.type->kind == dsl::TypeKind::boolean && !chain_interior) {
        tables.texts[id] = expression_text(*pack.checked, expr);
        tables.encoded_texts[id] = JsonWriter::encode(tables.texts[id]);
    }
    if (expr.kind == ast::ExprKind::name || expr.kind == ast::ExprKind::field) {
        tables.paths[id] = dsl::path_of(expr);
        tables.encoded_path_keys[id] = JsonWriter::encode(tables.paths[id]) + ":";
    }
    for (const auto& arg : expr.args) index_texts_under(pack, *arg, &expr);
    for (const auto& key : expr.keys) index_texts_under(pack, *key, &expr);
    for (const auto& [name, value] : expr.fields) index_texts_under(pack, *value, &expr);
}

}  // namespace

void index_texts(CompiledPack& pack, dsl::Diagnostics&) {
    // Sized once: ReadSite::path and ::key point into these strings.
    auto count = static_cast<std::size_t>(pack.checked->expression_count);
    for (auto* table : {&pack.explanation.texts, &pack.explanation.paths, &pack.explanation.encoded_texts,
                        &pack.explanation.encoded_path_keys})
        table->assign(count, std::string());
    each_expression(*pack.checked, [&](const ast::Expr& expr) { index_texts_under(pack, expr, nullptr); });
}

void index_names(CompiledPack& pack, dsl::Diagnostics&) {
    const dsl::CheckedPack& checked = *pack.checked;
    ExplanationTables& tables = pack.explanation;
    for (const auto& info : checked.enums) {
        tables.encoded_members.emplace_back();
        for (const auto& member : info.sorted) tables.encoded_members.back().push_back(JsonWriter::encode(member));
    }
    for (const auto& info : checked.records) {
        tables.encoded_fields.emplace_back();
        for (const auto& field : info.fields)
            tables.encoded_fields.back().push_back(JsonWriter::encode(field.name) + ":");
    }
    tables.encoded_ruleset = "{\"name\":" + JsonWriter::encode(pack.name) +
                             ",\"version\":" + JsonWriter::encode(pack.version) +
                             ",\"digest\":" + JsonWriter::encode(pack.digest) + "}";
    tables.encoded_citations.assign(static_cast<std::size_t>(checked.citation_count), std::string());
    auto cite = [&](const ast::Citation& c) {
        if (c.present) tables.encoded_citations[static_cast<std::size_t>(c.id)] = JsonWriter::encode(c.text);
    };
    for (const auto& let : checked.syntax.lets) cite(let.citation);
    for (const auto& decision : checked.syntax.decisions)
        for (const auto& row : decision.rows) cite(row.citation);
    for (const auto& table : checked.syntax.tables)
        for (const auto& entry : table.entries) cite(entry.citation);
    if (!checked.syntax.outputs.empty())
        for (const auto& field : checked.syntax.outputs.front().fields)
            tables.encoded_output_keys.push_back(JsonWriter::encode(field.name) + ":");
}

namespace {

// `x in S` with S a constant collection of enumeration members: S as bits, tested in one step.
void index_member_tests_under(const ast::Expr& expr, CompiledPack& pack) {
    bool member = expr.kind == ast::ExprKind::binary &&
                  (expr.resolved.op == ast::Op::member || expr.resolved.op == ast::Op::not_member);
    if (member && pack.plan(expr).constant < 0) {
        const Value* collection = pack.constant_value(*expr.args[1]);
        bool enumerations =
            collection && (collection->kind == Value::Kind::list) &&
            std::all_of(collection->elements().begin(), collection->elements().end(),
                        [](const Value& v) { return v.kind == Value::Kind::enumeration && v.number >= 0; });
        if (enumerations) {
            std::vector<std::uint64_t> bits;
            for (const Value& item : collection->elements()) {
                auto word = static_cast<std::size_t>(item.number >> 6);
                if (bits.size() <= word) bits.resize(word + 1, 0);
                bits[word] |= std::uint64_t{1} << (item.number & 63);
            }
            pack.plans[static_cast<std::size_t>(expr.id)].member_bits = static_cast<int>(pack.member_bits.size());
            pack.member_bits.push_back(std::move(bits));
        }
    }
    for (const auto& arg : expr.args) index_member_tests_under(*arg, pack);
    for (const auto& key : expr.keys) index_member_tests_under(*key, pack);
    for (const auto& [name, value] : expr.fields) index_member_tests_under(*value, pack);
}

// The shortcut `holds` may take for a condition (ConditionTest).
ConditionTest condition_test(const ast::Expr& expr, const CompiledPack& pack) {
    if (pack.plan(expr).constant >= 0) return ConditionTest::general;
    if (is_path(expr)) return ConditionTest::path;
    if (expr.kind == ast::ExprKind::unary && expr.resolved.op == ast::Op::logical_not) return ConditionTest::negation;
    if (expr.kind != ast::ExprKind::binary) return ConditionTest::general;
    switch (expr.resolved.op) {
        case ast::Op::logical_and: return ConditionTest::both;
        case ast::Op::logical_or: return ConditionTest::either;
        case ast::Op::member:
        case ast::Op::not_member: return ConditionTest::relation;
        default: break;
    }
    const ast::Expr& right = *expr.args[1];
    int constant = pack.plan(right).constant;
    bool path_and_number = is_path(*expr.args[0]) && constant >= 0 &&
                           is_number_kind(pack.constants[static_cast<std::size_t>(constant)].kind);
    switch (expr.resolved.op) {
        case ast::Op::equal: return path_and_number ? ConditionTest::equal_constant : ConditionTest::relation;
        case ast::Op::not_equal: return path_and_number ? ConditionTest::not_equal_constant : ConditionTest::relation;
        case ast::Op::less:
        case ast::Op::less_equal:
        case ast::Op::greater:
        case ast::Op::greater_equal: return path_and_number ? ConditionTest::order_constant : ConditionTest::relation;
        default: return ConditionTest::general;  // arithmetic: not a condition
    }
}

void index_condition_tests_under(const ast::Expr& expr, CompiledPack& pack) {
    ExpressionPlan& plan = pack.plans[static_cast<std::size_t>(expr.id)];
    plan.test = condition_test(expr, pack);
    bool against_constant = plan.test == ConditionTest::equal_constant ||
                            plan.test == ConditionTest::not_equal_constant ||
                            plan.test == ConditionTest::order_constant;
    plan.compared_constant = against_constant ? pack.plan(*expr.args[1]).constant : -1;
    for (const auto& arg : expr.args) index_condition_tests_under(*arg, pack);
    for (const auto& key : expr.keys) index_condition_tests_under(*key, pack);
    for (const auto& [name, value] : expr.fields) index_condition_tests_under(*value, pack);
}

}  // namespace

void make_expression_plans(CompiledPack& pack, dsl::Diagnostics&) {
    pack.plans.assign(static_cast<std::size_t>(pack.checked->expression_count), ExpressionPlan{});
    pack.row_indexes.assign(pack.checked->syntax.decisions.size(), RowIndex{});  // none indexed yet
    // No condition compiled yet (compile_conditions): every row is tested by walking its tree.
    pack.first_row_program.clear();
    pack.row_programs.clear();
    for (const ast::Decision& decision : pack.checked->syntax.decisions) {
        pack.first_row_program.push_back(static_cast<std::uint32_t>(pack.row_programs.size()));
        pack.row_programs.insert(pack.row_programs.end(), decision.rows.size(), -1);
    }
}

void index_condition_tests(CompiledPack& pack, dsl::Diagnostics&) {
    each_expression(*pack.checked, [&](const ast::Expr& expr) { index_condition_tests_under(expr, pack); });
}

void fold_constant_expressions(CompiledPack& pack, dsl::Diagnostics& diagnostics) {
    std::optional<Evaluation> evaluation;
    evaluation.emplace(pack, Value::absent(), nullptr);
    each_expression(*pack.checked, [&](const ast::Expr& expr) { fold(expr, pack, evaluation, diagnostics); });
}

void fold_constant_definitions(CompiledPack& pack, dsl::Diagnostics& diagnostics) {
    dsl::CheckedPack& checked = *pack.checked;
    std::optional<Evaluation> evaluation;
    evaluation.emplace(pack, Value::absent(), nullptr);
    std::vector<int> memo(checked.definitions.size(), -1);
    pack.constant_definitions.assign(checked.definitions.size(), std::nullopt);
    for (std::size_t slot = 0; slot < checked.definitions.size(); ++slot) {
        const dsl::Definition& d = checked.definitions[slot];
        if (d.kind == dsl::DefinitionKind::table || definition_reads_input(checked, static_cast<int>(slot), memo))
            continue;
        try {
            pack.constant_definitions[slot] = evaluation->definition(static_cast<int>(slot));
        } catch (const time::BeyondHolidayData&) {  // computed, and refused, per contact
            evaluation.emplace(pack, Value::absent(), nullptr);
        } catch (const OutOfRange& out_of_range) {
            report_out_of_range(pack, out_of_range, diagnostics);
            evaluation.emplace(pack, Value::absent(), nullptr);
        }
    }
}

void index_member_tests(CompiledPack& pack, dsl::Diagnostics&) {
    each_expression(*pack.checked, [&](const ast::Expr& expr) { index_member_tests_under(expr, pack); });
}

}  // namespace frontdoor::engine
