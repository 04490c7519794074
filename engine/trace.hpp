#pragma once
// What an evaluation records when an explanation is asked for: each definition in the order it was
// settled, the row or entry that gave its value, what that row read, and for a first-match
// decision, each earlier row and the condition that failed it.
#include "dsl/ast.hpp"
#include "engine/value.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

// A fact an expression read: an input path or a definition, with its value and type.
struct Read {
    std::string_view path;  // text owned by the compiled pack (CompiledPack::paths)
    Value value;
    dsl::TypeRef type;
};

struct RowAttempt {
    int row;
    const dsl::ast::Expr* failed;  // the part of the condition that was false
    std::vector<Read> reads;
};

struct TraceEntry {
    int definition = -1;
    int row = -1;                  // decision row or table entry that gave the value (-1 for a let)
    const dsl::ast::Expr* condition = nullptr;
    Value key;                     // table lookups: the key looked up
    dsl::TypeRef key_type;
    Value value;
    dsl::TypeRef type;
    std::vector<Read> reads;       // what the matching row (or the let) read
    std::vector<RowAttempt> not_matched;  // first match: the earlier rows, in order
};

struct Trace {
    std::vector<TraceEntry> entries;
};

}  // namespace frontdoor::engine
