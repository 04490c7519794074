#pragma once
// A pack whose names are resolved and whose types are known: what the checker hands to the engine.
#include "dsl/ast.hpp"
#include "engine/calendar/calendar.hpp"
#include "frontdoor/diagnostic.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace frontdoor::dsl {

struct EnumInfo {
    std::string name;
    std::vector<std::string> declared;  // declaration order, for the JSON Schema
    std::vector<std::string> sorted;    // member index = position here, so sets sort by name
    std::vector<std::string> labels;    // each sorted member's declared label, or "" (walkthroughs' words)
    int index_of(const std::string& member) const;
};

struct FieldInfo {
    std::string name;
    TypeRef type;        // as read by rules: optional when it may be absent after defaults
    TypeRef value_type;  // the type of a present value (never optional)
    bool may_be_omitted = false;
    bool nullable = false;
    const ast::Field* syntax = nullptr;
};

struct RecordInfo {
    std::string name;
    std::vector<FieldInfo> fields;
    int index_of(const std::string& field) const;
};

enum class DefinitionKind { let, decision, table };

struct Definition {
    DefinitionKind kind;
    int syntax_index;  // into ast.lets / ast.decisions / ast.tables
    std::string name;
    Span span;
    std::string label;  // the declared label, or "": the words walkthroughs use for it
    TypeRef type;
    std::vector<int> depends_on;  // definition slots read by this one (sorted, unique)
};

struct CheckedPack {
    std::vector<Source> sources;
    ast::Pack syntax;
    std::vector<EnumInfo> enums;
    std::vector<RecordInfo> records;
    std::vector<time::Calendar> calendars;
    std::vector<Definition> definitions;
    std::map<std::string, int> definition_by_name;
    std::map<std::string, int> enum_by_name;
    std::map<std::string, int> record_by_name;
    std::map<std::string, int> calendar_by_name;
    std::string input_name;
    int input_record = -1;
    int output_calendar = -1;
    int local_count = 0;  // slots for variables bound by quantifiers and `for each`
    std::vector<int> output_depends_on;
    std::vector<int> refusal_depends_on;
    // The data files the syntax tree names and the checker read, by the name the rules give.
    std::vector<std::pair<std::string, std::string>> data_files;
    // Expr::id and Citation::id run from 0 to these (number_expressions.hpp).
    int expression_count = 0;
    int citation_count = 0;
};

// The files of a pack: rule files (*.rules) and the data files they name, by path relative to the
// pack directory. The engine hashes exactly these for the pack's digest.
struct PackFiles {
    std::string directory;                                   // for messages
    std::vector<std::pair<std::string, std::string>> files;  // sorted by path
};

// A data file's text, or why it cannot be had: a phrase that follows "the <kind> file '<name>'",
// e.g. "is an absolute path; ...". `text` is the file's content when `problem` is empty.
struct DataFile {
    std::string text;
    std::string problem;
};

// Gives the data file a rule names, by that name exactly as written. The checker asks once per
// name, only for names in the syntax tree (never in comments), and reports a problem at the name.
using DataFileReader = std::function<DataFile(const std::string& name)>;

// True for a rule file's name: one ending in ".rules" (and not just ".rules").
bool is_rule_file(const std::string& path);

// "contact.child.open_case" for a chain of names and fields; "" for anything else.
std::string path_of(const ast::Expr& expr);

// Parses and checks every rule file of `rule_files`, reading the data files they name with
// `read_data`. Returns the pack only when there is no error;
// diagnostics (errors and warnings) are appended either way.
std::unique_ptr<CheckedPack> check_pack(const PackFiles& rule_files, const DataFileReader& read_data,
                                        std::vector<Diagnostic>& diagnostics);

}  // namespace frontdoor::dsl
