// Each output field of a walkthrough's decision in words, with the row that gave it (or each of its
// items), and for a collect decision the rows that added nothing: what a what-if compares.
#include "engine/explain/explain.hpp"
#include "engine/explain/render_value.hpp"
#include "engine/walkthrough/narrator.hpp"

namespace frontdoor {

namespace ast = dsl::ast;
using engine::TraceEntry;
using engine::Value;

namespace {

bool is_time(const dsl::TypeRef& type) {
    return type && (type->kind == dsl::TypeKind::date || type->kind == dsl::TypeKind::datetime);
}

std::string json_of(const engine::CompiledPack& pack, const Value& value, const dsl::TypeRef& type) {
    std::string text;
    engine::JsonWriter out(text);
    engine::write_value(out, pack, value, type);
    return text;
}

// The definition an output field names as a whole (`outcome = outcome`), or -1.
int named_definition(const ast::Expr& expr) {
    bool whole = expr.kind == ast::ExprKind::name && expr.resolved.kind == ast::NameKind::definition &&
                 expr.resolved.field_path.empty();
    return whole ? expr.resolved.index : -1;
}

}  // namespace

WalkthroughValue Narrator::value_in_parts(const Value& v, const dsl::TypeRef& type) {
    WalkthroughValue out;
    if (v.kind == Value::Kind::record && type && type->kind == dsl::TypeKind::record) {
        const dsl::RecordInfo& record = checked_.records[static_cast<std::size_t>(type->decl)];
        const auto& fields = v.elements();
        for (std::size_t i = 0; i < fields.size(); ++i)
            out.parts.push_back({record.fields[i].name, value(fields[i], record.fields[i].value_type),
                                 is_time(record.fields[i].value_type)});
    } else {
        out.parts.push_back({"", value(v, type), is_time(type)});
    }
    out.key = out.parts.empty() ? "" : out.parts[0].shown;
    return out;
}

// The entry that settled `definition` (its applied row for a first-match decision), or null.
const TraceEntry* Narrator::settled(int definition) {
    for (const auto& entry : trace_.entries)
        if (entry.definition == definition) return &entry;
    return nullptr;
}

std::string Narrator::rule_of(const TraceEntry& entry) {
    const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(entry.definition)];
    return d.kind == dsl::DefinitionKind::decision && entry.row >= 0 ? rule_called(entry.definition, entry.row)
                                                                     : called(entry.definition);
}

// Each item of a collect decision, with the row that added it: the rows' entries in order, each item
// matched to the first unclaimed entry item equal to it.
void Narrator::items_by_row(WalkthroughField& field, int definition, const Value& whole, const dsl::TypeRef& type) {
    std::vector<std::pair<std::string, const TraceEntry*>> added;
    for (const auto& entry : trace_.entries)
        if (entry.definition == definition && entry.row >= 0)
            for (const auto& item : entry.value.elements())
                added.emplace_back(json_of(pack_, item, type->element), &entry);
    for (const auto& item : whole.elements()) {
        WalkthroughValue shown = value_in_parts(item, type->element);
        std::string json = json_of(pack_, item, type->element);
        for (auto& [text, entry] : added) {
            if (!entry || text != json) continue;
            shown.rule = rule_of(*entry);
            shown.because = because(*entry);
            entry = nullptr;
            break;
        }
        field.items.push_back(std::move(shown));
    }
    for (const auto& row : rows_not_applied(definition))
        field.not_applied.emplace_back(rule_called(definition, row.row), row.reason);
}

std::vector<WalkthroughField> Narrator::describe_fields() {
    std::vector<WalkthroughField> out;
    for (const auto& output : checked_.syntax.outputs.front().fields) {
        WalkthroughField field;
        field.name = output.name;
        const dsl::TypeRef& type = output.value->type;
        Value whole = evaluation_.eval(*output.value);
        int definition = named_definition(*output.value);
        field.called = field.name;
        if (definition >= 0 && !checked_.definitions[static_cast<std::size_t>(definition)].label.empty())
            field.called = called(definition) + " (" + field.name + ")";
        field.collection = type && (type->kind == dsl::TypeKind::list || type->kind == dsl::TypeKind::set);
        bool collect =
            definition >= 0 &&
            checked_.definitions[static_cast<std::size_t>(definition)].kind == dsl::DefinitionKind::decision &&
            pack_.decision(definition).policy == ast::HitPolicy::collect;
        if (field.collection && collect) {
            items_by_row(field, definition, whole, type);
            out.push_back(std::move(field));
            continue;
        }
        // A whole value, or a list from a first-match decision or a let: given by one rule.
        const TraceEntry* entry = definition >= 0 ? settled(definition) : nullptr;
        auto given = [&](WalkthroughValue shown) {
            if (entry) {
                shown.rule = rule_of(*entry);
                shown.because = because(*entry);
            }
            return shown;
        };
        if (field.collection) {
            for (const auto& item : whole.elements()) field.items.push_back(given(value_in_parts(item, type->element)));
            field.whole = given({});  // the rule that gave the whole list, even an empty one
        } else {
            field.whole = given(value_in_parts(whole, type));
            field.whole.key = field.name;
        }
        out.push_back(std::move(field));
    }
    return out;
}

}  // namespace frontdoor
