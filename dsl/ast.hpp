#pragma once
// The syntax tree of a pack: what the parser builds from rule files, before any name is resolved.
// The checker later fills the `resolved` parts of expressions in place and numbers them (`id`);
// nothing after the checker writes into the tree: the engine keeps what it works out about an
// expression in its own arrays, indexed by `id` (engine/load/expression_plan.hpp).
#include "dsl/source.hpp"
#include "dsl/types.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::dsl::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : std::uint8_t {
    boolean,
    integer,
    text,
    absent,
    date,
    datetime,
    duration,  // literals
    list,
    record,  // constructed values
    name,
    field,
    call,  // references
    unary,
    binary,
    if_then_else,
    exists,
    is_absent,   // operators
    quantifier,  // any/all/count/filter/latest/earliest
};

// Operators, built-in functions and quantifiers, decoded by the checker so that evaluation never
// compares strings.
enum class Op : std::uint8_t {
    none,
    logical_and,
    logical_or,
    logical_not,
    negate,
    add,
    subtract,
    equal,
    not_equal,
    less,
    less_equal,
    greater,
    greater_equal,
    member,
    not_member
};
enum class Builtin : std::uint8_t {
    none,
    local_date,
    is_open,
    next_opening,
    whole_years,
    first_present,
    count,
    table_lookup
};
enum class Quantifier : std::uint8_t { any, all, count, filter, latest, earliest };

enum class DurationUnit { seconds, minutes, hours, days, months, working_days };

// What a name in an expression turned out to mean, filled in by the checker.
enum class NameKind : std::uint8_t { unresolved, input, definition, local, calendar };

// The fields are laid out so that what an evaluation reads of an expression (its kind, these
// scalars and the field path) shares the expression's first cache line.
struct Resolution {
    NameKind kind = NameKind::unresolved;
    Op op = Op::none;
    Builtin builtin = Builtin::none;
    Quantifier quantifier = Quantifier::any;
    int index = -1;        // definition slot, local slot, calendar index
    int field_index = -1;  // for `field`: index of the field in its record type
    int enum_member = -1;  // a text literal read as an enum value
    // For `field`: `kind` and `index` are those of the root name, and `field_path` the field
    // indices from the root down to this field (a.b.c: b's index, then c's), so that a path is
    // read in one loop.
    std::vector<int> field_path;
    std::vector<int> field_indices;  // record literal: each given field's index in its record type
};

struct Expr {
    ExprKind kind;
    // Dense, from 0, unique in the checked pack (dsl/number_expressions.hpp); -1 before checking.
    int id = -1;
    Resolution resolved;        // filled in by the checker
    std::vector<ExprPtr> args;  // operands, call arguments, list items; quantifier: [list, where?]
    std::int64_t number = 0;    // integer literal; duration amount; date/datetime literal value
    TypeRef type;               // filled in by the checker
    bool has_where = false;
    DurationUnit unit = DurationUnit::hours;
    Span span;
    std::string text;           // name, field, operator, function, string literal, quantifier word
    std::string calendar;       // `working days of CAL`
    std::string variable;       // quantifier's bound name
    std::vector<ExprPtr> keys;  // latest/earliest `by` keys
    std::vector<std::pair<std::string, ExprPtr>> fields;  // record literal
    std::vector<Span> field_spans;
    // Levels of syntax tree from here to the deepest leaf (1 for a leaf), set as the tree is built
    // and at most max_nesting_depth + 1 (dsl/nesting_limit.hpp): every recursive pass over an
    // expression is bounded by it.
    int depth = 1;
};

// What an evaluation reads of an expression (its kind, id, resolved scalars and field path) fits its
// first cache line.
static_assert(offsetof(Expr, resolved) + offsetof(Resolution, field_path) + sizeof(std::vector<int>) <= 64);

struct Citation {
    std::string text;
    Span span;
    bool present = false;
    int id = -1;  // dense, from 0, like Expr::id
};

// `label "level of need"`: the words a walkthrough uses for a definition or an enum member.
// Labels change no decision; `present` is false where none was declared.
struct Label {
    std::string text;
    Span span;  // the label's string literal
    bool present = false;
};

struct Field {
    std::string name;
    Span span;
    bool optional = false;
    TypeExpr type;
    std::optional<std::string> matching;
    Span matching_span;  // the pattern's string literal
    std::optional<std::pair<std::int64_t, std::int64_t>> length;
    std::optional<std::int64_t> at_most;
    bool unique = false;
    ExprPtr default_value;
};

struct Record {
    std::string name;
    Span span;
    std::vector<Field> fields;
};

struct Enum {
    std::string name;
    Span span;
    std::vector<std::pair<std::string, Span>> members;  // in declaration order
    std::vector<Label> labels;                          // one per member, in the same order
};

struct OpeningHours {
    int first_day;  // 0 = Monday
    int last_day;
    int open_seconds;
    int close_seconds;
    Span span;
};

struct HolidaySource {
    std::string file;
    std::string division;
    Span span;       // the whole clause
    Span file_span;  // the file's string literal, where a problem with the file is reported
};

struct Calendar {
    std::string name;
    Span span;
    std::string timezone;
    std::string timezone_rule;
    Span timezone_span;
    std::vector<OpeningHours> opening;
    std::vector<HolidaySource> holidays;
};

struct Refusal {
    Span span;
    std::string each_variable;  // empty unless `refuse for each X in LIST`
    ExprPtr each_list;
    int each_local = -1;  // the variable's slot, set by the checker
    ExprPtr condition;
    ExprPtr at;  // the path that the refusal names
    std::string because;
    Citation citation;
};

struct Input {
    std::string name;
    Span span;
    TypeExpr type;
    std::vector<Refusal> refusals;
};

struct Let {
    std::string name;
    Span span;
    Label label;
    std::optional<TypeExpr> declared;
    ExprPtr value;
    Citation citation;
};

enum class HitPolicy { first_match, collect };

struct Row {
    Span span;
    std::string name;  // `row NAME:`; empty for a row known only by its position
    Span name_span;
    std::string each_variable;  // collect only: `for each X in LIST: VALUE [when COND]`
    ExprPtr each_list;
    int each_local = -1;  // the variable's slot, set by the checker
    ExprPtr value;
    ExprPtr condition;  // null for `otherwise` or an unconditional for-each
    bool otherwise = false;
    Citation citation;
};

struct Decision {
    std::string name;
    Span span;
    Label label;
    TypeExpr type;
    HitPolicy policy = HitPolicy::first_match;
    std::vector<Row> rows;
};

struct TableEntry {
    Span span;
    ExprPtr key;  // null for `otherwise`
    ExprPtr value;
    Citation citation;
};

struct Table {
    std::string name;
    Span span;
    Label label;
    TypeExpr key_type;
    TypeExpr value_type;
    std::vector<TableEntry> entries;
};

struct OutputField {
    std::string name;
    Span span;
    ExprPtr value;
};

struct Output {
    Span span;
    std::string times_in;  // calendar whose zone renders times
    Span times_span;
    std::vector<OutputField> fields;
};

// `exclusive A, B` or `partition A, B`: sets of enumeration members (lets) that no member may sit
// in two of; a partition also puts every member of the enumeration in one of them.
struct ExclusiveSets {
    Span span;  // the keyword
    bool partition = false;
    std::vector<std::pair<std::string, Span>> sets;
    Citation citation;
};

// `exclusive rows of D: A, B`: named rows of the collect decision D that must never apply to the
// same input (`check` looks for an input to which two of them apply).
struct ExclusiveRows {
    Span span;  // from `exclusive` to `of`
    std::string decision;
    Span decision_span;
    std::vector<std::pair<std::string, Span>> rows;
    Citation citation;
};

struct Manifest {
    std::string name;
    std::string version;
    Citation citation;
    Span span;
    Span version_span;  // the version's quoted text
};

// Everything declared in a pack, in file order (files sorted by name).
struct Pack {
    std::vector<Manifest> manifests;  // exactly one expected
    std::vector<Calendar> calendars;
    std::vector<Enum> enums;
    std::vector<Record> records;
    std::vector<Input> inputs;  // exactly one expected
    std::vector<Let> lets;
    std::vector<Decision> decisions;
    std::vector<Table> tables;
    std::vector<Output> outputs;  // exactly one expected
    std::vector<ExclusiveSets> exclusive_sets;
    std::vector<ExclusiveRows> exclusive_rows;
    std::vector<std::pair<Span, std::string>> comments;  // for the formatter
    // Names declared by declarations that did not parse (a syntax error was reported there):
    // reading them is not reported again as an unknown name or type.
    std::vector<std::string> unparsed_names;
};

}  // namespace frontdoor::dsl::ast
