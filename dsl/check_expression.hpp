#pragma once
// What the files that check expressions share (dsl/check_*.cpp, one per kind of expression; the
// dispatch by kind is Checker::check in dsl/check_expression.cpp).
#include "dsl/checker.hpp"

namespace frontdoor::dsl {

inline TypeRef error_type() { return make_type(TypeKind::error); }
inline TypeRef boolean_type() { return make_type(TypeKind::boolean); }

// Values of this type may be compared with < and sorted by (`latest`, `earliest`).
inline bool orderable(const TypeRef& type) {
    return type->kind == TypeKind::integer || type->kind == TypeKind::date || type->kind == TypeKind::datetime ||
           type->kind == TypeKind::text ||
           (type->kind == TypeKind::duration && type->duration == DurationClass::elapsed);
}

}  // namespace frontdoor::dsl
