// The checker's passes over rules: the input declaration and its refusals, lets, decisions and
// tables. Each definition is checked once, after the definitions it reads (check_in_order.cpp), so
// that its type is known wherever it is read.
#include "dsl/analyse_pack.hpp"
#include "dsl/checker.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace frontdoor::dsl {

void Checker::check_input() {
    auto& inputs = pack_.syntax.inputs;
    std::string first_file = pack_.sources.empty() ? "" : pack_.sources.front().name();
    if (inputs.empty()) {
        diagnostics_.pack_error(
            first_file, "the pack declares no input: add 'input <name>: <record>' naming the record it decides on");
        return;
    }
    for (std::size_t i = 1; i < inputs.size(); ++i)
        diagnostics_.error(inputs[i].span, "a second 'input' declaration; a pack decides on one record");
    auto& input = inputs.front();
    TypeRef type = resolve(input.type);
    if (is_error(type)) return;
    if (type->kind != TypeKind::record || type->optional) {
        diagnostics_.error(input.type.span, "the input must be a record type, not " + describe_one(type));
        return;
    }
    pack_.input_name = input.name;
    pack_.input_record = type->decl;
    std::vector<int> reads;
    reads_ = &reads;
    for (auto& refusal : input.refusals) {
        Scope scope;
        if (refusal.each_list) {
            TypeRef list = check(*refusal.each_list, scope, nullptr);
            if (!is_error(list) && list->kind != TypeKind::list && list->kind != TypeKind::set) {
                diagnostics_.error(refusal.each_list->span,
                                   "'for each' needs a list, but this is " + describe_one(list));
                list = make_type(TypeKind::error);
            }
            refusal.each_local = bind_local(scope, refusal.each_variable, is_error(list) ? list : list->element);
        }
        TypeRef condition = check(*refusal.condition, scope, make_type(TypeKind::boolean));
        expect(*refusal.condition, condition, make_type(TypeKind::boolean), "the condition of a refusal");
        check(*refusal.at, scope, nullptr);
        std::string at = path_of(*refusal.at);
        std::string root = at.substr(0, at.find('.'));
        if (at.empty() || (root != input.name && root != refusal.each_variable))
            diagnostics_.error(refusal.at->span,
                               "'at' must name a field of the input, like " + input.name + ".child.birth_date" +
                                   (refusal.each_variable.empty() ? "" : " or " + refusal.each_variable + ".closed"));
        require_citation(refusal.citation, refusal.span, "this refusal");
    }
    reads_ = nullptr;
    std::sort(reads.begin(), reads.end());
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
    pack_.refusal_depends_on = reads;
}

void Checker::check_definitions() {
    for (std::size_t slot = 0; slot < pack_.definitions.size(); ++slot)
        if (state_[slot] == 0) check_in_dependency_order(static_cast<int>(slot));
}

// The type of a definition read at `used_at`. Inside the work list (check_in_order.cpp) what a
// definition reads is checked before it, so a definition still unchecked here is part of a cycle,
// which the graph pass names whole. Read from anywhere else (a refusal), the definition and what it
// reads are checked first, in dependency order.
TypeRef Checker::definition_type(int slot, Span) {
    if (state_[slot] == 0) check_in_dependency_order(slot);
    if (state_[slot] != 2) return make_type(TypeKind::error);
    return pack_.definitions[slot].type ? pack_.definitions[slot].type : make_type(TypeKind::error);
}

// Checks one definition whose reads are checked (or are in a cycle with it): never recurses into
// another definition.
void Checker::check_definition(int slot) {
    std::vector<int>* outer = reads_;  // a refusal's, when it is the refusal that reads this one
    std::vector<int> reads;
    reads_ = &reads;
    Definition& definition = pack_.definitions[slot];
    switch (definition.kind) {
        case DefinitionKind::let: check_let(definition); break;
        case DefinitionKind::decision: check_decision(definition); break;
        case DefinitionKind::table: check_table(definition); break;
    }
    std::sort(reads.begin(), reads.end());
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
    pack_.definitions[slot].depends_on = reads;
    reads_ = outer;
    state_[slot] = 2;
}

void Checker::check_let(Definition& definition) {
    ast::Let& let = pack_.syntax.lets[definition.syntax_index];
    TypeRef declared = let.declared ? resolve(*let.declared) : nullptr;
    Scope scope;
    TypeRef type = check(*let.value, scope, declared);
    if (declared) {
        expect(*let.value, type, declared, "the value of '" + let.name + "'");
        definition.type = declared;
    } else {
        if (!is_error(type) && type->kind == TypeKind::absent)
            diagnostics_.error(let.value->span, "'" + let.name + "' is always absent; declare its type, e.g. 'let " +
                                                    let.name + ": optional integer = absent'");
        definition.type = type;
    }
    if (!let.citation.present)
        diagnostics_.warning(
            let.span,
            "'" + let.name + "' has no citation: add [source \"...\"] so explanations can show where it comes from");
}

// A row's name is how reports know it across edits, so within a decision it must be unique; the
// error sits at the second use and names where the first is.
void Checker::check_row_names(const ast::Decision& decision) {
    std::map<std::string_view, const ast::Row*> first;
    for (const ast::Row& row : decision.rows) {
        if (row.name.empty()) continue;
        auto [at, inserted] = first.emplace(row.name, &row);
        if (inserted) continue;
        diagnostics_.error(
            row.name_span,
            "two rows of '" + decision.name + "' are named '" + row.name +
                "': a row's name must be unique in its decision",
            {"the first row named '" + row.name + "' is at " + location_of(pack_, at->second->name_span)});
    }
}

void Checker::check_decision(Definition& definition) {
    ast::Decision& decision = pack_.syntax.decisions[definition.syntax_index];
    TypeRef type = resolve(decision.type);
    definition.type = type;
    if (is_error(type)) return;
    bool collect = decision.policy == ast::HitPolicy::collect;
    TypeRef row_type = type;
    if (collect) {
        if (type->kind != TypeKind::list && type->kind != TypeKind::set) {
            diagnostics_.error(
                decision.type.span,
                "a collect decision gathers several values: its type must be 'list of T' or 'set of T', not " +
                    describe_one(type));
            return;
        }
        row_type = type->element;
    }
    check_row_names(decision);
    int always_row = -1;
    for (std::size_t i = 0; i < decision.rows.size(); ++i) {
        ast::Row& row = decision.rows[i];
        std::string row_name = "row " + std::to_string(i + 1) + " of '" + decision.name + "'";
        if (always_row >= 0)
            diagnostics_.error(row.span, "this row can never apply: row " + std::to_string(always_row + 1) +
                                             " above it always applies (first match stops there)");
        Scope scope;
        if (row.each_list) {
            if (!collect)
                diagnostics_.error(row.span, "'for each' rows belong in a collect decision; this one is first match");
            TypeRef list = check(*row.each_list, scope, nullptr);
            if (!is_error(list) && list->kind != TypeKind::list && list->kind != TypeKind::set) {
                diagnostics_.error(row.each_list->span, "'for each' needs a list, but this is " + describe_one(list));
                list = make_type(TypeKind::error);
            }
            row.each_local = bind_local(scope, row.each_variable, is_error(list) ? list : list->element);
        }
        if (row.otherwise && collect)
            diagnostics_.error(
                row.span,
                "'otherwise' has no meaning in a collect decision: every row whose condition holds adds its value");
        if (row.condition) {
            TypeRef condition = check(*row.condition, scope, make_type(TypeKind::boolean));
            expect(*row.condition, condition, make_type(TypeKind::boolean), "the condition of " + row_name);
            if (row.condition->kind == ast::ExprKind::boolean && row.condition->number == 1 && !collect)
                always_row = static_cast<int>(i);
        } else if (!collect) {
            always_row = static_cast<int>(i);
        }
        TypeRef value = check(*row.value, scope, row_type);
        expect(*row.value, value, row_type, "the value of " + row_name);
        require_citation(row.citation, row.span, "this row");
    }
    if (!collect && always_row < 0)
        diagnostics_.error(
            decision.span,
            "the first-match decision '" + decision.name +
                "' has no 'otherwise' row, so some inputs would get no answer; add '<value> otherwise' as its last row");
}

void Checker::check_table(Definition& definition) {
    ast::Table& table = pack_.syntax.tables[definition.syntax_index];
    TypeRef key = resolve(table.key_type);
    TypeRef value = resolve(table.value_type);
    if (is_error(key) || is_error(value)) {
        definition.type = make_type(TypeKind::error);
        return;
    }
    if (key->kind != TypeKind::enumeration && key->kind != TypeKind::integer && key->kind != TypeKind::text) {
        diagnostics_.error(table.key_type.span,
                           "a table's keys must be enum values, integers or text, not " + describe_one(key));
    }
    definition.type = value;
    std::set<std::string> seen;
    bool has_otherwise = false;
    for (auto& entry : table.entries) {
        Scope scope;
        if (entry.key) {
            TypeRef k = check(*entry.key, scope, key);
            expect(*entry.key, k, key, "this key");
            bool literal = entry.key->kind == ast::ExprKind::text || entry.key->kind == ast::ExprKind::integer;
            if (!literal)
                diagnostics_.error(entry.key->span, "a table key must be written out as a value, like \"red\" or 3");
            std::string text =
                entry.key->kind == ast::ExprKind::integer ? std::to_string(entry.key->number) : entry.key->text;
            if (!seen.insert(text).second)
                diagnostics_.error(entry.key->span, "the key " + text + " appears twice in table '" + table.name + "'");
        } else {
            has_otherwise = true;
        }
        TypeRef v = check(*entry.value, scope, value);
        expect(*entry.value, v, value, "this entry's value");
        require_citation(entry.citation, entry.span, "this table entry");
    }
    if (!has_otherwise && key->kind == TypeKind::enumeration) {
        std::vector<std::string> missing;
        for (const auto& member : pack_.enums[key->decl].declared)
            if (!seen.count(member)) missing.push_back(member);
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing) list += (list.empty() ? "\"" : ", \"") + m + "\"";
            diagnostics_.error(table.span, "table '" + table.name + "' has no entry for " + list +
                                               "; add them or an 'otherwise' entry");
        }
    } else if (!has_otherwise) {
        diagnostics_.error(table.span, "table '" + table.name +
                                           "' needs an 'otherwise -> <value>' entry: its keys cannot all be listed");
    }
}

}  // namespace frontdoor::dsl
