// Pack::input_schema: the JSON Schema (2020-12) that says the same as the pack's declared input.
// Refusal rules that compare fields with each other have no JSON Schema equivalent and are listed
// in "$comment".
#include "engine/load/compiled_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include <nlohmann/json.hpp>

namespace frontdoor {

namespace {

using dsl::TypeKind;
using nlohmann::ordered_json;

ordered_json schema_of(const dsl::CheckedPack& pack, const dsl::TypeRef& type, const dsl::FieldInfo* field);

ordered_json record_schema(const dsl::CheckedPack& pack, int index) {
    const dsl::RecordInfo& record = pack.records[index];
    ordered_json out = {{"type", "object"}, {"additionalProperties", false}};
    ordered_json required = ordered_json::array();
    ordered_json properties = ordered_json::object();
    for (const auto& field : record.fields) {
        if (!field.may_be_omitted) required.push_back(field.name);
        ordered_json schema = schema_of(pack, field.value_type, &field);
        if (field.nullable) schema = {{"oneOf", ordered_json::array({{{"type", "null"}}, schema})}};
        properties[field.name] = schema;
    }
    if (!required.empty()) out["required"] = required;
    out["properties"] = properties;
    return out;
}

ordered_json schema_of(const dsl::CheckedPack& pack, const dsl::TypeRef& type, const dsl::FieldInfo* field) {
    const dsl::ast::Field* syntax = field ? field->syntax : nullptr;
    switch (type->kind) {
        case TypeKind::boolean: return {{"type", "boolean"}};
        case TypeKind::integer: return {{"type", "integer"}};
        case TypeKind::text: {
            ordered_json out = {{"type", "string"}};
            if (syntax && syntax->length) {
                out["minLength"] = syntax->length->first;
                out["maxLength"] = syntax->length->second;
            }
            if (syntax && syntax->matching) out["pattern"] = *syntax->matching;
            return out;
        }
        case TypeKind::date: return {{"type", "string"}, {"format", "date"}, {"pattern", "^\\d{4}-\\d{2}-\\d{2}$"}};
        case TypeKind::datetime:
            return {{"type", "string"},
                    {"format", "date-time"},
                    {"pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"}};
        case TypeKind::enumeration: return {{"enum", pack.enums[type->decl].declared}};
        case TypeKind::record: return record_schema(pack, type->decl);
        case TypeKind::list:
        case TypeKind::set: {
            ordered_json out = {{"type", "array"}};
            if (syntax && syntax->at_most) out["maxItems"] = *syntax->at_most;
            if (type->kind == TypeKind::set || (syntax && syntax->unique)) out["uniqueItems"] = true;
            out["items"] = schema_of(pack, type->element, nullptr);
            return out;
        }
        default: return ordered_json::object();
    }
}

}  // namespace

std::string Pack::input_schema() const {
    const dsl::CheckedPack& pack = *impl_->checked;
    ordered_json out = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                        {"$id", impl_->name + "/" + pack.input_name + ".schema.json"},
                        {"title", "The input of rule pack " + impl_->name + " version " + impl_->version}};
    ordered_json body = record_schema(pack, pack.input_record);
    for (auto& [key, value] : body.items()) out[key] = value;
    std::string refusals;
    for (const auto& refusal : pack.syntax.inputs.front().refusals)
        refusals += (refusals.empty() ? "" : " ") + refusal.because + ".";
    if (!refusals.empty())
        out["$comment"] = "The engine also refuses inputs that JSON Schema cannot describe: " + refusals;
    return out.dump(2);
}

}  // namespace frontdoor
