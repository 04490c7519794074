// Completeness of the pack's enumerations: a member that the rules list in no set and test
// nowhere, and a member of a decision's or table's enumeration that no row can give.
#include "dsl/analyse_pack.hpp"

#include <set>

namespace frontdoor::dsl {

namespace {

using ast::Expr;
using ast::ExprKind;
using Member = std::pair<int, int>;  // enumeration index, member index (sorted)

bool is_enum(const TypeRef& type) { return type && type->kind == TypeKind::enumeration && type->decl >= 0; }

// Every enumeration member written anywhere in an expression.
void mentions_in(const Expr& expr, std::set<Member>& out) {
    if (expr.kind == ExprKind::text && expr.resolved.enum_member >= 0 && is_enum(expr.type))
        out.insert({expr.type->decl, expr.resolved.enum_member});
    for (const auto& arg : expr.args)
        if (arg) mentions_in(*arg, out);
    for (const auto& key : expr.keys)
        if (key) mentions_in(*key, out);
    for (const auto& [name, value] : expr.fields)
        if (value) mentions_in(*value, out);
}

std::set<Member> mentions(const CheckedPack& pack) {
    std::set<Member> out;
    auto walk = [&](const ast::ExprPtr& expr) {
        if (expr) mentions_in(*expr, out);
    };
    for (const auto& record : pack.syntax.records)
        for (const auto& field : record.fields) walk(field.default_value);
    for (const auto& input : pack.syntax.inputs)
        for (const auto& refusal : input.refusals) {
            walk(refusal.each_list);
            walk(refusal.condition);
        }
    for (const auto& let : pack.syntax.lets) walk(let.value);
    for (const auto& decision : pack.syntax.decisions)
        for (const auto& row : decision.rows) {
            walk(row.each_list);
            walk(row.condition);
            walk(row.value);
        }
    for (const auto& table : pack.syntax.tables)
        for (const auto& entry : table.entries) {
            walk(entry.key);
            walk(entry.value);
        }
    for (const auto& output : pack.syntax.outputs)
        for (const auto& field : output.fields) walk(field.value);
    return out;
}

// Enumerations the pack sorts its members into sets of (`let S: set of E = [...]`), by name of set.
std::map<int, std::vector<std::string>> catalogues(const CheckedPack& pack) {
    std::map<int, std::vector<std::string>> out;
    for (const auto& definition : pack.definitions) {
        const TypeRef& type = definition.type;
        if (definition.kind != DefinitionKind::let || !type) continue;
        if ((type->kind == TypeKind::set || type->kind == TypeKind::list) && is_enum(type->element))
            out[type->element->decl].push_back(definition.name);
    }
    return out;
}

void report_unmentioned(const CheckedPack& pack, Diagnostics& diagnostics) {
    std::set<Member> mentioned = mentions(pack);
    for (const auto& [index, sets] : catalogues(pack)) {
        const EnumInfo& info = pack.enums[index];
        std::string names;
        for (const auto& s : sets) names += (names.empty() ? "'" : ", '") + s + "'";
        for (const auto& decl : pack.syntax.enums) {
            if (decl.name != info.name) continue;
            for (const auto& [member, span] : decl.members)
                if (!mentioned.count({index, info.index_of(member)}))
                    diagnostics.warning(span,
                                        "no rule, set or table mentions \"" + member + "\" of '" + info.name + "'",
                                        {"it is in none of the sets of '" + info.name + "' (" + names +
                                         "), so no rule treats it apart"});
        }
    }
}

// What the value expressions of rows can give: members written out, and enumerations passed on
// from the input or computed (any member).
struct Produced {
    std::set<Member> members;
    std::set<int> any;
};

// The enumerations a value of `type` holds: itself, its element, or its record's fields.
void enums_of(const CheckedPack& pack, const TypeRef& type, std::set<int>& out) {
    if (!type) return;
    if (is_enum(type)) out.insert(type->decl);
    if (type->element) enums_of(pack, type->element, out);
    if (type->kind == TypeKind::record && type->decl >= 0)
        for (const auto& field : pack.records[type->decl].fields)
            if (is_enum(field.value_type)) out.insert(field.value_type->decl);
}

void produced_by(const CheckedPack& pack, const Expr& expr, Produced& out) {
    switch (expr.kind) {
        case ExprKind::text:
            if (expr.resolved.enum_member >= 0 && is_enum(expr.type))
                out.members.insert({expr.type->decl, expr.resolved.enum_member});
            return;
        case ExprKind::absent: return;
        case ExprKind::if_then_else:
            for (std::size_t i = 1; i < expr.args.size(); ++i) produced_by(pack, *expr.args[i], out);
            return;
        case ExprKind::list:
            for (const auto& item : expr.args) produced_by(pack, *item, out);
            return;
        case ExprKind::record:
            for (const auto& [name, value] : expr.fields) produced_by(pack, *value, out);
            return;
        case ExprKind::name:
            // A definition's own rows are counted where it is declared.
            if (expr.resolved.kind == ast::NameKind::definition) return;
            break;
        default: break;
    }
    enums_of(pack, expr.type, out.any);
}

// Every value a let, a decision row or a table entry can give.
Produced produced(const CheckedPack& pack) {
    Produced out;
    for (const auto& let : pack.syntax.lets) produced_by(pack, *let.value, out);
    for (const auto& decision : pack.syntax.decisions)
        for (const auto& row : decision.rows) produced_by(pack, *row.value, out);
    for (const auto& table : pack.syntax.tables)
        for (const auto& entry : table.entries) produced_by(pack, *entry.value, out);
    return out;
}

void report_unproduced(const CheckedPack& pack, Diagnostics& diagnostics) {
    std::map<int, std::vector<std::string>> owners;  // enumeration -> the decisions and tables giving it
    for (const auto& definition : pack.definitions) {
        if (definition.kind == DefinitionKind::let) continue;
        std::set<int> given;
        enums_of(pack, definition.type, given);
        for (int e : given) owners[e].push_back("'" + definition.name + "' at " + location_of(pack, definition.span));
    }
    Produced can = produced(pack);
    for (const auto& [index, names] : owners) {
        if (can.any.count(index)) continue;
        const EnumInfo& info = pack.enums[index];
        for (const auto& decl : pack.syntax.enums) {
            if (decl.name != info.name) continue;
            for (const auto& [member, span] : decl.members)
                if (!can.members.count({index, info.index_of(member)})) {
                    std::vector<std::string> notes;
                    for (const auto& n : names) notes.push_back("'" + info.name + "' is given by " + n);
                    diagnostics.warning(span, "no row can produce \"" + member + "\" of '" + info.name + "'", notes);
                }
        }
    }
}

}  // namespace

void analyse_catalogues(const CheckedPack& pack, Diagnostics& diagnostics) {
    report_unmentioned(pack, diagnostics);
    report_unproduced(pack, diagnostics);
}

}  // namespace frontdoor::dsl
