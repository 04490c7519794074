#include "dsl/builtin_functions.hpp"

#include <algorithm>
#include <array>

namespace frontdoor::dsl {

namespace {

constexpr std::array<TypeKind, 2> calendar_and_time = {TypeKind::calendar, TypeKind::datetime};
constexpr std::array<TypeKind, 2> two_dates = {TypeKind::date, TypeKind::date};
constexpr std::array<TypeKind, 1> a_collection = {TypeKind::list};

using enum ArgumentRule;

constexpr std::array<BuiltinFunction, 6> builtins = {{
    {"local_date", ast::Builtin::local_date, signature, calendar_and_time, TypeKind::date,
     "the date at time t in the calendar's time zone"},
    {"is_open", ast::Builtin::is_open, signature, calendar_and_time, TypeKind::boolean,
     "whether the calendar is open at time t (opening hours, not on a holiday)"},
    {"next_opening", ast::Builtin::next_opening, signature, calendar_and_time, TypeKind::datetime,
     "the first time the calendar is open at or after t"},
    {"whole_years", ast::Builtin::whole_years, signature, two_dates, TypeKind::integer,
     "whole years from one date to another (ages; a 29 February birthday counts from 1 March in other years)"},
    {"first_present",
     ast::Builtin::first_present,
     two_or_more_of_a_type,
     {},
     std::nullopt,
     "the first of its values that is present"},
    {"count", ast::Builtin::count, one_collection, a_collection, TypeKind::integer,
     "how many items a list or set holds"},
}};

}  // namespace

std::span<const BuiltinFunction> builtin_functions() { return builtins; }

const BuiltinFunction* find_builtin_function(std::string_view name) {
    auto found =
        std::find_if(builtins.begin(), builtins.end(), [&](const BuiltinFunction& f) { return f.name == name; });
    return found == builtins.end() ? nullptr : &*found;
}

}  // namespace frontdoor::dsl
