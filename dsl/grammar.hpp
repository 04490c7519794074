#pragma once
// The grammar of rule files. Layout is free: line breaks and indentation are white space, so a
// long condition may run over several lines. `#` starts a comment that runs to the end of the line.
// Each rule is a named struct so that parse errors and the parse tree can name it; the messages
// for `must` points sit in one table at the end of this file.
#include <tao/pegtl.hpp>

namespace frontdoor::dsl::grammar {

namespace p = tao::pegtl;

// White space and comments between tokens.
struct comment : p::seq<p::one<'#'>, p::until<p::eolf>> {};
struct skip : p::star<p::sor<p::space, comment>> {};
template <typename Rule>
struct token : p::seq<Rule, skip> {};
template <char C>
struct sym : token<p::one<C>> {};

// Keywords are whole words: `order` is a name, not `or` followed by `der`.
#define FD_KEYWORD(NAME, TEXT) \
    struct kw_##NAME : TAO_PEGTL_KEYWORD(TEXT) {};
FD_KEYWORD(pack, "pack") FD_KEYWORD(version, "version") FD_KEYWORD(source, "source")
FD_KEYWORD(calendar, "calendar") FD_KEYWORD(timezone, "timezone") FD_KEYWORD(rules, "rules")
FD_KEYWORD(open, "open") FD_KEYWORD(holidays, "holidays") FD_KEYWORD(from, "from")
FD_KEYWORD(division, "division") FD_KEYWORD(enum, "enum") FD_KEYWORD(record, "record")
FD_KEYWORD(optional, "optional") FD_KEYWORD(list, "list") FD_KEYWORD(set, "set") FD_KEYWORD(of, "of")
FD_KEYWORD(null, "null") FD_KEYWORD(matching, "matching") FD_KEYWORD(length, "length")
FD_KEYWORD(to, "to") FD_KEYWORD(at, "at") FD_KEYWORD(most, "most") FD_KEYWORD(unique, "unique")
FD_KEYWORD(default, "default") FD_KEYWORD(input, "input") FD_KEYWORD(refuse, "refuse")
FD_KEYWORD(because, "because") FD_KEYWORD(let, "let") FD_KEYWORD(decision, "decision")
FD_KEYWORD(first, "first") FD_KEYWORD(match, "match") FD_KEYWORD(collect, "collect")
FD_KEYWORD(table, "table") FD_KEYWORD(output, "output") FD_KEYWORD(times, "times")
FD_KEYWORD(and, "and") FD_KEYWORD(or, "or") FD_KEYWORD(not, "not") FD_KEYWORD(in, "in")
FD_KEYWORD(when, "when") FD_KEYWORD(otherwise, "otherwise") FD_KEYWORD(if, "if")
FD_KEYWORD(then, "then") FD_KEYWORD(else, "else") FD_KEYWORD(exists, "exists") FD_KEYWORD(is, "is")
FD_KEYWORD(absent, "absent") FD_KEYWORD(true, "true") FD_KEYWORD(false, "false")
FD_KEYWORD(where, "where") FD_KEYWORD(by, "by") FD_KEYWORD(for, "for") FD_KEYWORD(each, "each")
FD_KEYWORD(working, "working") FD_KEYWORD(date, "date") FD_KEYWORD(datetime, "datetime")
FD_KEYWORD(exclusive, "exclusive") FD_KEYWORD(partition, "partition") FD_KEYWORD(row, "row")
FD_KEYWORD(label, "label") FD_KEYWORD(rows, "rows")
#undef FD_KEYWORD

// Words that can never name a definition, a field read in an expression, or a bound variable.
struct reserved : p::sor<kw_and, kw_or, kw_not, kw_in, kw_when, kw_otherwise, kw_if, kw_then, kw_else,
                         kw_exists, kw_is, kw_absent, kw_true, kw_false, kw_where, kw_by, kw_for, kw_each> {
};

// The words that open a declaration: a row or table entry never starts with one.
struct declaration_start : p::sor<kw_pack, kw_calendar, kw_enum, kw_record, kw_input, kw_let, kw_decision, kw_table,
                                  kw_output, kw_exclusive, kw_partition> {};

// A name of something declared: `level_of_need`, `office`.
struct name : p::seq<p::not_at<reserved>, p::identifier> {};
// A record field may be called anything, even a keyword such as `source`.
struct field_name : p::identifier {};

// Literals.
struct escape : p::seq<p::one<'\\'>, p::one<'"', '\\', 'n', 't'>> {};
struct string_char : p::sor<escape, p::not_one<'"', '\\', '\n', '\r'>> {};
struct string_body : p::star<string_char> {};
struct string_close : p::one<'"'> {};
struct string_lit : p::if_must<p::one<'"'>, string_body, string_close> {};
struct integer_lit : p::plus<p::digit> {};
struct time_of_day : p::seq<p::rep<2, p::digit>, p::one<':'>, p::rep<2, p::digit>> {};

struct expression;

// Durations: `24 hours`, `3 months`, `10 working days of office`.
struct unit_word : p::sor<TAO_PEGTL_KEYWORD("seconds"), TAO_PEGTL_KEYWORD("second"), TAO_PEGTL_KEYWORD("minutes"),
                          TAO_PEGTL_KEYWORD("minute"), TAO_PEGTL_KEYWORD("hours"), TAO_PEGTL_KEYWORD("hour"),
                          TAO_PEGTL_KEYWORD("days"), TAO_PEGTL_KEYWORD("day"), TAO_PEGTL_KEYWORD("months"),
                          TAO_PEGTL_KEYWORD("month")> {};
struct working_days : p::seq<token<kw_working>, token<p::sor<TAO_PEGTL_KEYWORD("days"), TAO_PEGTL_KEYWORD("day")>>,
                             p::must<token<kw_of>>, p::must<token<name>>> {};
struct duration_lit : p::seq<token<integer_lit>, p::sor<working_days, token<unit_word>>> {};
struct date_lit : p::seq<token<kw_date>, token<string_lit>> {};
struct datetime_lit : p::seq<token<kw_datetime>, token<string_lit>> {};
struct true_lit : token<kw_true> {};
struct false_lit : token<kw_false> {};
struct absent_lit : token<kw_absent> {};

// `[source` opens a citation (below) unless a list's first item is the name `source` itself:
// `[source, other]` and `[source.kind]` are lists. Anything else after `[source` is a citation,
// so that `[source §4]` and `[source]` are told to quote their clause rather than read as lists.
struct source_as_name : p::seq<token<kw_source>, p::at<p::one<',', '.'>>> {};
struct citation_start : p::seq<sym<'['>, p::not_at<source_as_name>, token<kw_source>> {};

// Compound values: `["form", "email"]`, `{code: "csc_screening", unit: recent.unit}`.
struct list_items : p::opt<expression, p::star<sym<','>, expression>, p::opt<sym<','>>> {};
struct list_lit : p::if_must<p::seq<p::not_at<citation_start>, sym<'['>>, list_items, sym<']'>> {};
struct field_init : p::seq<token<field_name>, sym<':'>, p::must<expression>> {};
struct record_items : p::opt<field_init, p::star<sym<','>, field_init>, p::opt<sym<','>>> {};
struct record_lit : p::if_must<sym<'{'>, record_items, sym<'}'>> {};

// `name(args)`: the parenthesis follows the name directly.
struct call_args : p::opt<expression, p::star<sym<','>, expression>> {};
struct call : p::seq<name, sym<'('>, p::must<call_args>, p::must<sym<')'>>> {};

// Quantifiers and aggregates bind a variable over a list:
// `any(i in contact.indicators where i in level4)`, `latest(e in episodes where ... by e.closed, e.opened)`.
struct quantifier_word
    : p::sor<TAO_PEGTL_KEYWORD("any"), TAO_PEGTL_KEYWORD("all"), TAO_PEGTL_KEYWORD("count"),
             TAO_PEGTL_KEYWORD("filter"), TAO_PEGTL_KEYWORD("latest"), TAO_PEGTL_KEYWORD("earliest")> {};
struct bound_name : name {};
struct where_clause : p::if_must<token<kw_where>, expression> {};
struct by_keys : p::if_must<token<kw_by>, expression, p::star<sym<','>, expression>> {};
struct quantifier : p::seq<quantifier_word, sym<'('>, token<bound_name>, token<kw_in>, p::must<expression>,
                           p::opt<where_clause>, p::opt<by_keys>, p::must<sym<')'>>> {};

struct if_then_else : p::if_must<token<kw_if>, expression, token<kw_then>, expression, token<kw_else>, expression> {};
struct parenthesised : p::if_must<sym<'('>, expression, sym<')'>> {};
struct name_ref : token<name> {};

struct primary
    : p::sor<parenthesised, if_then_else, quantifier, call, date_lit, datetime_lit, duration_lit, token<integer_lit>,
             token<string_lit>, true_lit, false_lit, absent_lit, list_lit, record_lit, name_ref> {};
struct field_access : p::seq<p::one<'.'>, p::must<token<field_name>>> {};
struct postfix : p::seq<primary, p::star<field_access>> {};
struct minus_op : token<p::seq<p::one<'-'>, p::not_at<p::one<'>'>>>> {};
struct negate : p::seq<minus_op, postfix> {};
struct unary : p::sor<negate, postfix> {};
struct additive_op : token<p::sor<p::one<'+'>, minus_op>> {};
struct additive : p::seq<unary, p::star<additive_op, p::must<unary>>> {};
struct compare_op : token<p::sor<p::string<'!', '='>, p::string<'<', '='>, p::string<'>', '='>, p::one<'='>,
                                 p::seq<p::one<'<'>, p::not_at<p::one<'-'>>>, p::one<'>'>>> {};
struct not_in_op : p::seq<token<kw_not>, token<kw_in>> {};
struct in_op : token<kw_in> {};
struct exists_op : token<kw_exists> {};
struct is_absent_op : p::seq<token<kw_is>, token<kw_absent>> {};
struct comparison
    : p::seq<additive, p::opt<p::sor<p::seq<compare_op, p::must<additive>>, p::seq<not_in_op, p::must<additive>>,
                                     p::seq<in_op, p::must<additive>>, exists_op, is_absent_op>>> {};
struct not_op : token<kw_not> {};
struct negation : p::sor<p::seq<not_op, negation>, comparison> {};
struct and_op : token<kw_and> {};
struct conjunction : p::seq<negation, p::star<and_op, p::must<negation>>> {};
struct or_op : token<kw_or> {};
struct disjunction : p::seq<conjunction, p::star<or_op, p::must<conjunction>>> {};
// `&&`, `||` and `==` after a whole expression are operators of other languages: an error there,
// so that the declaration is dropped whole instead of ending before them (the message says what
// the language spells instead: dsl/suggest_syntax_fix.hpp).
struct foreign_operator : p::sor<p::string<'&', '&'>, p::string<'|', '|'>, p::string<'=', '='>> {};
struct no_foreign_operator : p::not_at<foreign_operator> {};
struct expression : p::seq<disjunction, p::must<no_foreign_operator>> {};

// `[source "§4 B, timescale 1"]`: the protocol clause behind a rule.
struct citation : p::if_must<citation_start, token<string_lit>, sym<']'>> {};

// Types: `text`, `list of episode`, `set of indicator`, `open_case or null`.
struct type_expr;
struct list_type : p::if_must<token<kw_list>, token<kw_of>, type_expr> {};
struct set_type : p::if_must<token<kw_set>, token<kw_of>, type_expr> {};
struct named_type : token<field_name> {};
struct nullable : p::seq<token<kw_or>, token<kw_null>> {};
struct type_expr : p::seq<p::sor<list_type, set_type, named_type>, p::opt<nullable>> {};

// pack example_mash version "2023-10" [source "..."]
struct pack_decl : p::if_must<token<kw_pack>, token<name>, token<kw_version>, token<string_lit>, p::opt<citation>> {};

// calendar office
//   timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
//   open monday to friday 09:00 to 17:00
//   holidays from "bank-holidays.json" division "england-and-wales"
struct day_name : token<field_name> {};
struct day_range : p::seq<day_name, p::opt<token<kw_to>, p::must<day_name>>> {};
struct opening : p::if_must<token<kw_open>, day_range, token<time_of_day>, token<kw_to>, token<time_of_day>> {};
struct timezone_item : p::if_must<token<kw_timezone>, token<string_lit>, token<kw_rules>, token<string_lit>> {};
struct holidays_item
    : p::if_must<token<kw_holidays>, token<kw_from>, token<string_lit>, token<kw_division>, token<string_lit>> {};
struct calendar_item : p::sor<timezone_item, opening, holidays_item> {};
struct calendar_decl : p::if_must<token<kw_calendar>, token<name>, p::star<calendar_item>> {};

// `label "level of need"` after a definition's name or an enum member: the words a walkthrough uses
// for it. `label` stays an ordinary name elsewhere: only `label` followed by text is a label.
struct declared_label : p::if_must<token<kw_label>, token<string_lit>> {};

// enum channel = "phone" label "by telephone" | "form" | "email"
struct enum_member : p::seq<token<string_lit>, p::opt<declared_label>> {};
struct enum_decl
    : p::if_must<token<kw_enum>, token<name>, sym<'='>, enum_member, p::star<sym<'|'>, p::must<enum_member>>> {};

// record episode
//   unit: text length 1 to 200
//   closed: optional date
struct matching_constraint : p::if_must<token<kw_matching>, token<string_lit>> {};
struct length_constraint : p::if_must<token<kw_length>, token<integer_lit>, token<kw_to>, token<integer_lit>> {};
struct at_most_constraint : p::if_must<p::seq<token<kw_at>, token<kw_most>>, token<integer_lit>> {};
struct unique_constraint : token<kw_unique> {};
struct constraint : p::sor<matching_constraint, length_constraint, at_most_constraint, unique_constraint> {};
struct optional_marker : token<kw_optional> {};
struct default_value : p::if_must<token<kw_default>, expression> {};
struct field_decl : p::seq<token<field_name>, sym<':'>, p::must<p::opt<optional_marker>, type_expr>,
                           p::star<constraint>, p::opt<default_value>> {};
struct record_decl : p::if_must<token<kw_record>, token<name>, p::star<field_decl>> {};

// input contact: contact
//   refuse when ... at contact.child.birth_date because "..." [source "..."]
struct each_binding : p::seq<token<kw_for>, p::must<token<kw_each>>, p::must<token<bound_name>>, p::must<token<kw_in>>,
                             p::must<expression>> {};
struct refusal_at : p::if_must<token<kw_at>, expression> {};
struct refusal_because : p::if_must<token<kw_because>, token<string_lit>> {};
struct refusal : p::if_must<token<kw_refuse>, p::opt<each_binding>, token<kw_when>, expression, refusal_at,
                            refusal_because, p::opt<citation>> {};
struct input_decl : p::if_must<token<kw_input>, token<name>, sym<':'>, type_expr, p::star<refusal>> {};

// let window_start label "start of the window": date = local_date(office, clock_start) - 3 months [source "..."]
struct declared_type : p::if_must<sym<':'>, p::opt<optional_marker>, type_expr> {};
struct let_decl : p::if_must<token<kw_let>, token<name>, p::opt<declared_label>, p::opt<declared_type>, sym<'='>,
                             expression, p::opt<citation>> {};

// decision outcome label "the recommended pathway": outcome (first match)
//   {code: "no_further_action"} otherwise [source "§4 A"]
struct first_match : p::seq<token<kw_first>, token<kw_match>> {};
struct collect_policy : token<kw_collect> {};
struct hit_policy : p::if_must<sym<'('>, p::sor<first_match, collect_policy>, sym<')'>> {};
struct row_condition : p::if_must<token<kw_when>, expression> {};
struct row_otherwise : token<kw_otherwise> {};
// `row call_police:` before a row names it, so reports know the row by name, not by its position.
// `row` stays an ordinary name elsewhere: only `row NAME :` at the start of a row is a label.
struct row_label : p::seq<token<kw_row>, token<name>, sym<':'>> {};
struct each_row : p::seq<p::opt<row_label>, each_binding, p::must<sym<':'>>, p::must<expression>, p::opt<row_condition>,
                         p::opt<citation>> {};
struct value_row
    : p::seq<p::opt<row_label>, expression, p::must<p::sor<row_condition, row_otherwise>>, p::opt<citation>> {};
struct decision_row : p::seq<p::not_at<declaration_start>, p::sor<each_row, value_row>> {};
struct decision_decl : p::if_must<token<kw_decision>, token<name>, p::opt<declared_label>, sym<':'>,
                                  p::opt<optional_marker>, type_expr, hit_policy, decision_row, p::star<decision_row>> {
};

// table partner_check_time label "time partners have": rag -> duration
//   "red" -> 4 hours [source "..."]
struct arrow : token<p::string<'-', '>'>> {};
struct table_key : p::sor<row_otherwise, expression> {};
struct table_entry
    : p::seq<p::not_at<declaration_start>, table_key, p::must<arrow>, p::must<expression>, p::opt<citation>> {};
struct table_decl : p::if_must<token<kw_table>, token<name>, p::opt<declared_label>, sym<':'>, type_expr, arrow,
                               type_expr, table_entry, p::star<table_entry>> {};

// output times in office
//   level_of_need = level_of_need
struct output_field : p::seq<token<field_name>, sym<'='>, p::must<expression>> {};
struct output_decl
    : p::if_must<token<kw_output>, token<kw_times>, token<kw_in>, token<name>, output_field, p::star<output_field>> {};

// exclusive level_3_indicators, level_2_indicators [source "..."]
// partition level_4_indicators, level_3_indicators, level_2_indicators [source "..."]
struct exclusive_word : token<kw_exclusive> {};
struct partition_word : token<kw_partition> {};
struct set_list
    : p::seq<token<name>, p::must<sym<','>>, p::must<token<name>>, p::star<sym<','>, p::must<token<name>>>> {};
struct exclusive_decl : p::if_must<p::sor<exclusive_word, partition_word>, set_list, p::opt<citation>> {};

// exclusive rows of flags: call_police, no_police_needed [source "..."]
// Named rows of one collect decision that must never apply together. `exclusive rows of` opens it,
// so a set named `rows` still reads as an `exclusive` of sets; the checker wants two or more rows.
struct exclusive_rows_words : p::seq<token<kw_exclusive>, token<kw_rows>, token<kw_of>> {};
struct row_names : p::seq<token<name>, p::star<sym<','>, p::must<token<name>>>> {};
struct exclusive_rows_decl : p::if_must<exclusive_rows_words, token<name>, sym<':'>, row_names, p::opt<citation>> {};

struct declaration : p::sor<pack_decl, calendar_decl, enum_decl, record_decl, input_decl, let_decl, decision_decl,
                            table_decl, output_decl, exclusive_rows_decl, exclusive_decl> {};
// One declaration at a time, so that an error in one does not hide errors in the next.
struct leading : skip {};
struct one_declaration : p::seq<declaration> {};

}  // namespace frontdoor::dsl::grammar
