#pragma once
// Internal to dsl/: the state of one check of a pack, shared by the check_*.cpp passes.
#include "dsl/checked_pack.hpp"
#include "dsl/diagnostics.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace frontdoor::dsl {

// Names visible inside an expression besides the pack's declarations: variables bound by
// quantifiers and `for each`, and paths known to be present (after `x exists and ...`).
struct Scope {
    std::vector<std::pair<std::string, std::pair<int, TypeRef>>> locals;  // name -> (slot, type)
    std::set<std::string> present;                                        // rendered paths narrowed to "present"
};

class Checker {
public:
    Checker(CheckedPack& pack, Diagnostics& diagnostics) : pack_(pack), diagnostics_(diagnostics) {}

    // Passes, in order (see check_pack.cpp).
    void declare_types();
    void declare_calendars(const DataFileReader& read_data);
    void declare_definitions();
    void check_input();
    void check_definitions();
    void check_output();

    // Expressions (check_expression.cpp, and a file per kind of expression: check_*.cpp).
    // `expected` guides text literals to enum values and empty lists to a type; it may be null.
    TypeRef check(ast::Expr& expr, Scope& scope, const TypeRef& expected);
    TypeRef resolve(const TypeExpr& type);

private:
    TypeRef check_name(ast::Expr& expr, Scope& scope);
    TypeRef check_field(ast::Expr& expr, Scope& scope);
    TypeRef check_call(ast::Expr& expr, Scope& scope);
    TypeRef check_unary(ast::Expr& expr, Scope& scope);
    TypeRef check_binary(ast::Expr& expr, Scope& scope, const TypeRef& expected);
    TypeRef check_arithmetic(ast::Expr& expr, const TypeRef& left, const TypeRef& right);
    TypeRef check_comparison(ast::Expr& expr, Scope& scope);
    TypeRef check_quantifier(ast::Expr& expr, Scope& scope);
    TypeRef check_list(ast::Expr& expr, Scope& scope, const TypeRef& expected);
    TypeRef check_record(ast::Expr& expr, Scope& scope, const TypeRef& expected);
    TypeRef check_text(ast::Expr& expr, const TypeRef& expected);
    TypeRef check_if(ast::Expr& expr, Scope& scope, const TypeRef& expected);
    // Requires `type` to fit `wanted`; reports at `expr` and returns false when it does not.
    bool expect(const ast::Expr& expr, const TypeRef& type, const TypeRef& wanted, const std::string& what);
    // "a R has no field 'x'", with the fields R has and where to declare one (report_unknown_field.cpp).
    void report_unknown_field(Span at, const RecordInfo& record, const std::string& field);
    bool expect_present(const ast::Expr& expr, const TypeRef& type, const std::string& what);
    // A name whose declaration had a syntax error (already reported).
    bool declared_but_unparsed(const std::string& name) const {
        const auto& names = pack_.syntax.unparsed_names;
        return std::find(names.begin(), names.end(), name) != names.end();
    }
    int bind_local(Scope& scope, const std::string& name, const TypeRef& type);
    TypeRef definition_type(int slot, Span used_at);
    std::vector<int> definitions_read_by(int slot) const;
    void check_in_dependency_order(int root);
    void check_definition(int slot);
    void check_let(Definition& definition);
    void check_decision(Definition& definition);
    void check_row_names(const ast::Decision& decision);
    void check_table(Definition& definition);
    void require_citation(const ast::Citation& citation, Span span, const std::string& what);
    std::vector<std::string> visible_names(const Scope& scope) const;
    // The data file `name`, read once however many declarations name it; reports a problem at `at`.
    const std::string* data_file(const std::string& name, const char* kind, Span at, const DataFileReader& read_data);

    CheckedPack& pack_;
    Diagnostics& diagnostics_;
    std::vector<int> state_;                      // per definition: 0 unchecked, 1 on the work list, 2 done
    std::vector<int>* reads_ = nullptr;           // dependencies of the definition being checked
    std::map<std::string, DataFile> data_files_;  // every data file asked for, by name
};

}  // namespace frontdoor::dsl
