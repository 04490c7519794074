#pragma once
// Types as written in rule files (TypeExpr) and as the checker understands them (Type).
#include "dsl/source.hpp"

#include <memory>
#include <string>

namespace frontdoor::dsl {

// A type as written: `text`, `list of episode`, `set of indicator`, `open_case or null`.
struct TypeExpr {
    enum class Kind { named, list, set };
    Kind kind = Kind::named;
    std::string name;                         // for `named`
    std::shared_ptr<const TypeExpr> element;  // for list and set
    bool nullable = false;                    // `or null`: JSON null accepted, read as absent
    bool optional = false;                    // `optional T`: the value may be absent
    Span span;
};

enum class TypeKind {
    error,  // already reported; suppresses follow-on errors
    boolean,
    integer,
    text,
    date,
    datetime,
    duration,
    enumeration,
    record,
    list,
    set,
    calendar,  // only as a function argument
    absent,    // the type of the literal `absent`, fits any optional type
};

// Durations add to different things: elapsed ones (hours) and working days to a date-time,
// calendar ones (days, months) to a date.
enum class DurationClass { elapsed, calendar, working };

struct Type;
using TypeRef = std::shared_ptr<const Type>;

struct Type {
    TypeKind kind = TypeKind::error;
    bool optional = false;  // the value may be absent
    int decl = -1;          // enum or record index in the checked pack
    std::string name;       // enum or record name, for messages
    TypeRef element;        // list and set
    DurationClass duration = DurationClass::elapsed;
};

TypeRef make_type(TypeKind kind);
TypeRef make_named(TypeKind kind, int decl, std::string name);
TypeRef make_collection(TypeKind kind, TypeRef element);
TypeRef make_duration(DurationClass duration);
TypeRef as_optional(const TypeRef& type, bool optional = true);
// Same shape, ignoring whether either may be absent.
bool same_shape(const TypeRef& a, const TypeRef& b);
// "date", "list of episode", "optional integer".
std::string describe(const TypeRef& type);
// The same with "a" or "an" in front where English wants one ("an integer", "a list of flag",
// but "text" and "absent"), for messages that say "must be ..." or "but this is ...".
std::string describe_one(const TypeRef& type);
bool is_error(const TypeRef& type);

}  // namespace frontdoor::dsl
