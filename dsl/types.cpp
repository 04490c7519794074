#include "dsl/types.hpp"

#include "dsl/diagnostics.hpp"

namespace frontdoor::dsl {

TypeRef make_type(TypeKind kind) {
    auto type = std::make_shared<Type>();
    type->kind = kind;
    return type;
}

TypeRef make_named(TypeKind kind, int decl, std::string name) {
    auto type = std::make_shared<Type>();
    type->kind = kind;
    type->decl = decl;
    type->name = std::move(name);
    return type;
}

TypeRef make_collection(TypeKind kind, TypeRef element) {
    auto type = std::make_shared<Type>();
    type->kind = kind;
    type->element = std::move(element);
    return type;
}

TypeRef make_duration(DurationClass duration) {
    auto type = std::make_shared<Type>();
    type->kind = TypeKind::duration;
    type->duration = duration;
    return type;
}

TypeRef as_optional(const TypeRef& type, bool optional) {
    if (!type || type->optional == optional) return type;
    auto copy = std::make_shared<Type>(*type);
    copy->optional = optional;
    return copy;
}

bool same_shape(const TypeRef& a, const TypeRef& b) {
    if (!a || !b) return false;
    if (a->kind != b->kind) return false;
    switch (a->kind) {
        case TypeKind::enumeration:
        case TypeKind::record: return a->decl == b->decl;
        case TypeKind::list:
        case TypeKind::set: return same_shape(a->element, b->element);
        case TypeKind::duration: return a->duration == b->duration;
        default: return true;
    }
}

std::string describe(const TypeRef& type) {
    if (!type) return "nothing";
    std::string prefix = type->optional ? "optional " : "";
    switch (type->kind) {
        case TypeKind::error: return "an invalid type";
        case TypeKind::boolean: return prefix + "boolean";
        case TypeKind::integer: return prefix + "integer";
        case TypeKind::text: return prefix + "text";
        case TypeKind::date: return prefix + "date";
        case TypeKind::datetime: return prefix + "datetime";
        case TypeKind::duration:
            switch (type->duration) {
                case DurationClass::elapsed: return prefix + "duration (elapsed time)";
                case DurationClass::calendar: return prefix + "duration (days or months)";
                case DurationClass::working: return prefix + "duration (working days)";
            }
            return prefix + "duration";
        case TypeKind::enumeration:
        case TypeKind::record: return prefix + type->name;
        case TypeKind::list: return prefix + "list of " + describe(type->element);
        case TypeKind::set: return prefix + "set of " + describe(type->element);
        case TypeKind::calendar: return "calendar";
        case TypeKind::absent: return "absent";
    }
    return "?";
}

std::string describe_one(const TypeRef& type) {
    std::string described = describe(type);
    if (!type || type->kind == TypeKind::error || type->kind == TypeKind::absent ||
        (type->kind == TypeKind::text && !type->optional))
        return described;
    return with_article(described);
}

bool is_error(const TypeRef& type) { return !type || type->kind == TypeKind::error; }

}  // namespace frontdoor::dsl
