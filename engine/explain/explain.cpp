#include "engine/explain/explain.hpp"

#include "dsl/scan_rule_text.hpp"
#include "engine/explain/render_value.hpp"

namespace frontdoor::engine {

namespace ast = dsl::ast;

const std::string& expression_text(const CompiledPack& pack, const ast::Expr& expr) {
    if (!pack.explanation.has_text(expr)) throw std::out_of_range("no text kept for this expression: " + expr.text);
    return pack.explanation.texts[static_cast<std::size_t>(expr.id)];
}

std::string expression_text(const dsl::CheckedPack& pack, const ast::Expr& expr) {
    std::string_view raw = pack.sources[expr.span.file].slice(expr.span);
    std::string out;
    bool space = false;
    dsl::RuleTextScanner scanner(raw);
    for (dsl::RuleTextSegment segment; scanner.next(segment);) {
        if (segment.kind == dsl::SegmentKind::comment) {
            space = true;
            continue;
        }
        for (std::size_t at = segment.begin; at < segment.end; ++at) {
            if (segment.kind == dsl::SegmentKind::code && dsl::is_blank(raw[at])) {
                space = true;
                continue;
            }
            if (space && !out.empty()) out += ' ';
            space = false;
            out += raw[at];
        }
    }
    return out;
}

const ast::Citation* citation_of(const CompiledPack& pack, int definition, int row) {
    const dsl::Definition& d = pack.checked->definitions[definition];
    switch (d.kind) {
        case dsl::DefinitionKind::let: return &pack.checked->syntax.lets[d.syntax_index].citation;
        case dsl::DefinitionKind::decision:
            return row >= 0 ? &pack.checked->syntax.decisions[d.syntax_index].rows[row].citation : nullptr;
        case dsl::DefinitionKind::table:
            return row >= 0 ? &pack.checked->syntax.tables[d.syntax_index].entries[row].citation : nullptr;
    }
    return nullptr;
}

std::string rule_name(const CompiledPack& pack, const TraceEntry& entry) {
    const dsl::Definition& d = pack.checked->definitions[entry.definition];
    if (d.kind == dsl::DefinitionKind::decision && entry.row >= 0)
        return d.name + ", row " + std::to_string(entry.row + 1);
    if (d.kind == dsl::DefinitionKind::table) {
        std::string name;
        append_table_rule(name, pack, entry);
        return name;
    }
    return d.name;
}

std::string row_label(const CompiledPack& pack, int definition, int row) {
    const dsl::Definition& d = pack.checked->definitions[static_cast<std::size_t>(definition)];
    const std::string& name = pack.checked->syntax.decisions[d.syntax_index].rows[static_cast<std::size_t>(row)].name;
    return d.name + ", row " + (name.empty() ? std::to_string(row + 1) : name);
}

void append_table_rule(std::string& out, const CompiledPack& pack, const TraceEntry& entry) {
    out += pack.checked->definitions[entry.definition].name;
    out += '(';
    JsonWriter key(out);
    write_value(key, pack, entry.key, *entry.key_type);
    out += ')';
}

namespace {

// The explanation's own keys, already encoded.
constexpr std::string_view rule_key = R"("rule":)", source_key = R"("source":)", when_key = R"("when":)",
                           adds_key = R"("adds":)", value_key = R"("value":)", row_key = R"("row":)",
                           row_name_key = R"("row_name":)", failed_key = R"("failed":)", reads_key = R"("reads":)",
                           not_matched_key = R"("not_matched":)";

void write_source(JsonWriter& out, const CompiledPack& pack, const ast::Citation* citation) {
    out.raw_key(source_key);
    if (citation && citation->present)
        out.raw(pack.explanation.encoded_citations[static_cast<std::size_t>(citation->id)]);
    else out.raw(R"("")");
}

void write_row_name(JsonWriter& out, const ast::Row& row) {
    if (row.name.empty()) return;
    out.raw_key(row_name_key);
    out.string(row.name);
}

void write_reads(JsonWriter& out, const CompiledPack& pack, std::span<const Read> reads) {
    out.raw_key(reads_key);
    out.begin_object();
    for (const Read& read : reads) {
        out.raw_key(read.site->key);
        write_value(out, pack, read.value, read.type());
    }
    out.end_object();
}

}  // namespace

// The fixed JSON of the entries, worked out at load (index_explanations.cpp) and completed by
// write_explanation below, so that each entry is opened and closed in this file.

std::string encode_entry_head(const CompiledPack& pack, int slot, int row, const ast::Expr* condition) {
    const dsl::Definition& d = pack.checked->definitions[static_cast<std::size_t>(slot)];
    bool decision = d.kind == dsl::DefinitionKind::decision;
    std::string json;
    JsonWriter out(json);
    if (d.kind != dsl::DefinitionKind::table) {  // a table's entry opens with the key it looked up
        out.begin_object();
        out.raw_key(rule_key);
        TraceEntry named;
        named.definition = slot;
        named.row = row;
        out.string(rule_name(pack, named));
        // A named row adds its name; unnamed rows' entries stay exactly as they were.
        if (decision && row >= 0)
            write_row_name(out, pack.checked->syntax.decisions[d.syntax_index].rows[static_cast<std::size_t>(row)]);
    }
    write_source(out, pack, citation_of(pack, slot, row));
    if (decision) {
        out.raw_key(when_key);
        if (condition) out.raw(pack.explanation.encoded_texts[static_cast<std::size_t>(condition->id)]);
        else out.raw(R"("otherwise")");
    }
    bool collect = decision && pack.decision(slot).policy == ast::HitPolicy::collect;
    out.raw(collect ? adds_key : value_key);
    return json;
}

std::string encode_constant_entry(const CompiledPack& pack, int slot, const Value& value) {
    std::string json;
    JsonWriter out(json);
    out.raw_key(pack.explanation.explained[static_cast<std::size_t>(slot)].heads[0]);
    write_value(out, pack, value, pack.checked->definitions[static_cast<std::size_t>(slot)].type);
    out.raw_key(reads_key);
    out.begin_object();
    out.end_object();
    out.end_object();
    return json;
}

std::string encode_attempt_head(const CompiledPack& pack, int row, const ast::Row& syntax) {
    std::string json;
    JsonWriter out(json);
    out.begin_object();
    out.raw_key(row_key);
    out.integer(row + 1);
    write_row_name(out, syntax);
    write_source(out, pack, &syntax.citation);
    out.raw(failed_key);
    return json;
}

// Each entry starts with its fixed text, encoded at load (ExplanationTables::explained); only values,
// reads and a table's key are written here.
void write_explanation(JsonWriter& out, const CompiledPack& pack, const Trace& trace, ExplanationForm form) {
    using Form = ExplainedDefinition::Form;
    bool compact = form == ExplanationForm::compact;
    thread_local std::string table_rule;  // a table entry's rule text, its memory kept by the thread
    out.begin_array();
    for (const TraceEntry& entry : trace.entries) {
        const ExplainedDefinition& explained = pack.explanation.explained[entry.definition];
        if (explained.form == Form::collect && entry.row < 0) continue;  // its applied rows are listed one by one
        if (explained.form == Form::constant) {
            out.raw(compact ? explained.compact_whole : explained.whole);
            continue;
        }
        if (explained.form == Form::table) {
            out.begin_object();
            out.raw_key(rule_key);
            table_rule.clear();
            append_table_rule(table_rule, pack, entry);
            out.string(table_rule);
        }
        auto head = static_cast<std::size_t>(entry.row + 1);
        out.raw_key(compact ? explained.compact_heads[head] : explained.heads[head]);
        write_value(out, pack, entry.value, *entry.type);
        if (explained.form != Form::table) write_reads(out, pack, trace.reads_of(entry.reads));
        if (!entry.not_matched.empty()) {
            out.raw_key(not_matched_key);
            out.begin_array();
            for (const RowAttempt& attempt : trace.attempts_of(entry)) {
                auto row = static_cast<std::size_t>(attempt.row);
                out.raw_key(compact ? explained.compact_attempts[row] : explained.attempts[row]);
                out.raw(attempt.failed_encoded);
                write_reads(out, pack, trace.reads_of(attempt.reads));
                out.end_object();
            }
            out.end_array();
        }
        out.end_object();
    }
    out.end_array();
}

}  // namespace frontdoor::engine
