#include "engine/explain.hpp"

#include "engine/render_value.hpp"

namespace frontdoor::engine {

namespace ast = dsl::ast;

const std::string& expression_text(const CompiledPack& pack, const ast::Expr& expr) { return pack.texts.at(&expr); }

std::string expression_text(const dsl::CheckedPack& pack, const ast::Expr& expr) {
    std::string_view raw = pack.sources[expr.span.file].slice(expr.span);
    std::string out;
    bool space = false, in_string = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (!in_string && c == '#') {
            while (i < raw.size() && raw[i] != '\n') ++i;
            space = true;
            continue;
        }
        if (c == '"' && (i == 0 || raw[i - 1] != '\\')) in_string = !in_string;
        if (!in_string && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
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
    if (d.kind == dsl::DefinitionKind::decision && entry.row >= 0) return d.name + ", row " + std::to_string(entry.row + 1);
    if (d.kind == dsl::DefinitionKind::table) {
        std::string key;
        JsonWriter out(key);
        write_value(out, pack, entry.key, entry.key_type);
        return d.name + "(" + key + ")";
    }
    return d.name;
}

namespace {

// The explanation's own keys, already encoded: written without scanning them for escapes.
constexpr std::string_view rule_key = R"("rule":)", source_key = R"("source":)", when_key = R"("when":)",
                           adds_key = R"("adds":)", value_key = R"("value":)", reads_key = R"("reads":)",
                           not_matched_key = R"("not_matched":)", row_key = R"("row":)", failed_key = R"("failed":)";

void write_reads(JsonWriter& out, const CompiledPack& pack, const std::vector<Read>& reads) {
    out.raw_key(reads_key);
    out.begin_object();
    for (const Read& read : reads) {
        out.raw_key(pack.encoded_of(read.path.data()));
        write_value(out, pack, read.value, read.type);
    }
    out.end_object();
}

void write_source(JsonWriter& out, const CompiledPack& pack, const ast::Citation* citation) {
    out.raw_key(source_key);
    if (citation && citation->present) out.raw(pack.encoded_of(citation));
    else out.raw(R"("")");
}

}  // namespace

void write_explanation(JsonWriter& out, const CompiledPack& pack, const Trace& trace) {
    const dsl::CheckedPack& checked = *pack.checked;
    out.begin_array();
    for (const TraceEntry& entry : trace.entries) {
        const dsl::Definition& d = checked.definitions[entry.definition];
        bool collect = d.kind == dsl::DefinitionKind::decision &&
                       checked.syntax.decisions[d.syntax_index].policy == ast::HitPolicy::collect;
        if (collect && entry.row < 0) continue;  // its applied rows are listed one by one
        out.begin_object();
        out.raw_key(rule_key);
        out.string(rule_name(pack, entry));
        write_source(out, pack, citation_of(pack, entry.definition, entry.row));
        if (d.kind == dsl::DefinitionKind::decision) {
            out.raw_key(when_key);
            if (entry.condition) out.raw(pack.encoded_of(entry.condition));
            else out.raw(R"("otherwise")");
        }
        out.raw_key(collect ? adds_key : value_key);
        write_value(out, pack, entry.value, entry.type);
        if (d.kind != dsl::DefinitionKind::table) write_reads(out, pack, entry.reads);
        if (!entry.not_matched.empty()) {
            out.raw_key(not_matched_key);
            out.begin_array();
            const auto& rows = checked.syntax.decisions[d.syntax_index].rows;
            for (const RowAttempt& attempt : entry.not_matched) {
                out.begin_object();
                out.raw_key(row_key);
                out.integer(attempt.row + 1);
                write_source(out, pack, &rows[attempt.row].citation);
                out.raw_key(failed_key);
                out.raw(pack.encoded_of(attempt.failed));
                write_reads(out, pack, attempt.reads);
                out.end_object();
            }
            out.end_array();
        }
        out.end_object();
    }
    out.end_array();
}

}  // namespace frontdoor::engine
