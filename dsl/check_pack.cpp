#include "dsl/analyse_pack.hpp"
#include "dsl/checker.hpp"
#include "dsl/compile_pattern.hpp"
#include "dsl/number_expressions.hpp"
#include "dsl/parse.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace frontdoor::dsl {

int EnumInfo::index_of(const std::string& member) const {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), member);
    return it != sorted.end() && *it == member ? static_cast<int>(it - sorted.begin()) : -1;
}

int RecordInfo::index_of(const std::string& field) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field) return static_cast<int>(i);
    return -1;
}

bool is_rule_file(const std::string& path) {
    return path.size() > 6 && path.compare(path.size() - 6, 6, ".rules") == 0;
}

// The pipeline of the front end: parse every rule file, then the checker's passes in order.
std::unique_ptr<CheckedPack> check_pack(const PackFiles& rule_files, const DataFileReader& read_data,
                                        std::vector<Diagnostic>& out) {
    auto pack = std::make_unique<CheckedPack>();
    const std::string& directory = rule_files.directory;
    for (const auto& [path, text] : rule_files.files)
        if (is_rule_file(path)) pack->sources.emplace_back(directory.empty() ? path : directory + "/" + path, text);
    Diagnostics diagnostics(pack->sources);
    if (pack->sources.empty()) diagnostics.pack_error(directory, "no rule files (*.rules) in this directory");
    for (std::uint32_t i = 0; i < pack->sources.size(); ++i)
        parse_source(pack->sources[i], i, pack->syntax, diagnostics);

    Checker checker(*pack, diagnostics);
    checker.declare_types();
    checker.declare_calendars(read_data);
    checker.declare_definitions();
    checker.check_input();
    checker.check_definitions();
    checker.check_output();
    check_exclusive_sets(*pack, diagnostics);
    check_labels(*pack, diagnostics);
    check_manifest(*pack, diagnostics);
    check_exclusive_rows(*pack, diagnostics);
    if (!diagnostics.has_errors()) {
        analyse_exclusive_sets(*pack, diagnostics);
        analyse_exclusive_rows(*pack, diagnostics);
        analyse_tables(*pack, diagnostics);
        analyse_catalogues(*pack, diagnostics);
        number_expressions(*pack);
    }

    auto sorted = diagnostics.sorted();
    out.insert(out.end(), sorted.begin(), sorted.end());
    if (diagnostics.has_errors()) return nullptr;
    return pack;
}

void Checker::declare_types() {
    std::map<std::string, Span> seen;
    auto claim = [&](const std::string& name, Span span) {
        static const std::set<std::string> builtin = {"boolean", "integer", "text", "date", "datetime", "duration"};
        if (builtin.count(name)) {
            diagnostics_.error(span, "'" + name + "' is a built-in type and cannot be declared again");
            return false;
        }
        auto [it, fresh] = seen.emplace(name, span);
        if (!fresh) diagnostics_.error(span, "the type '" + name + "' is declared twice");
        return fresh;
    };
    for (const auto& decl : pack_.syntax.enums) {
        if (!claim(decl.name, decl.span)) continue;
        EnumInfo info;
        info.name = decl.name;
        std::set<std::string> members;
        for (const auto& [member, span] : decl.members) {
            if (!members.insert(member).second)
                diagnostics_.error(span, "'" + member + "' is listed twice in enum '" + decl.name + "'");
            info.declared.push_back(member);
        }
        info.sorted.assign(members.begin(), members.end());
        for (const auto& member : info.sorted)
            for (std::size_t i = 0; i < decl.members.size() && i < decl.labels.size(); ++i)
                if (decl.members[i].first == member) {
                    info.labels.push_back(decl.labels[i].present ? decl.labels[i].text : "");
                    break;
                }
        pack_.enum_by_name[decl.name] = static_cast<int>(pack_.enums.size());
        pack_.enums.push_back(std::move(info));
    }
    for (const auto& decl : pack_.syntax.records) {
        if (!claim(decl.name, decl.span)) continue;
        pack_.record_by_name[decl.name] = static_cast<int>(pack_.records.size());
        pack_.records.push_back(RecordInfo{decl.name, {}});
    }
    // Fields are resolved once every type name is known, so records may refer to each other.
    for (const auto& decl : pack_.syntax.records) {
        auto found = pack_.record_by_name.find(decl.name);
        if (found == pack_.record_by_name.end()) continue;
        RecordInfo& info = pack_.records[found->second];
        if (!info.fields.empty()) continue;
        std::set<std::string> names;
        for (const auto& field : decl.fields) {
            if (!names.insert(field.name).second) {
                diagnostics_.error(field.span,
                                   "the field '" + field.name + "' is declared twice in record '" + decl.name + "'");
                continue;
            }
            FieldInfo f;
            f.name = field.name;
            f.syntax = &field;
            f.value_type = as_optional(resolve(field.type), false);
            f.may_be_omitted = field.optional;
            f.nullable = field.type.nullable;
            bool absent_possible = (field.optional || field.type.nullable) && !field.default_value;
            f.type = as_optional(f.value_type, absent_possible);
            if (field.default_value && !field.optional)
                diagnostics_.error(field.default_value->span,
                                   "only an optional field can have a default; write 'optional' before the type");
            if (field.matching || field.length) {
                if (f.value_type->kind != TypeKind::text)
                    diagnostics_.error(field.span, "'matching' and 'length' apply only to text fields");
            }
            if (field.matching) {
                CompiledPattern pattern = compile_pattern(*field.matching);
                if (!pattern.regex)
                    diagnostics_.error(field.matching_span,
                                       "the pattern of '" + field.name + "' cannot be used: " + pattern.problem);
            }
            if ((field.at_most || field.unique) && f.value_type->kind != TypeKind::list &&
                f.value_type->kind != TypeKind::set)
                diagnostics_.error(field.span, "'at most' and 'unique' apply only to list fields");
            info.fields.push_back(std::move(f));
        }
    }
    // Defaults are checked against the field's type now that every record is complete.
    for (auto& info : pack_.records) {
        for (auto& field : info.fields) {
            if (!field.syntax || !field.syntax->default_value) continue;
            Scope scope;
            TypeRef type = check(*field.syntax->default_value, scope, field.value_type);
            expect(*field.syntax->default_value, type, field.value_type, "the default of '" + field.name + "'");
        }
    }
}

TypeRef Checker::resolve(const TypeExpr& type) {
    TypeRef out;
    if (type.kind != TypeExpr::Kind::named) {
        TypeRef element = resolve(*type.element);
        out = make_collection(type.kind == TypeExpr::Kind::list ? TypeKind::list : TypeKind::set,
                              as_optional(element, false));
        if (type.kind == TypeExpr::Kind::set && !is_error(element) &&
            (element->kind == TypeKind::record || element->kind == TypeKind::list || element->kind == TypeKind::set)) {
            diagnostics_.error(type.span,
                               "a set holds simple values (text, numbers, dates, enum values); use 'list of' for " +
                                   describe(element));
        }
    } else if (type.name == "boolean") out = make_type(TypeKind::boolean);
    else if (type.name == "integer") out = make_type(TypeKind::integer);
    else if (type.name == "text") out = make_type(TypeKind::text);
    else if (type.name == "date") out = make_type(TypeKind::date);
    else if (type.name == "datetime") out = make_type(TypeKind::datetime);
    else if (type.name == "duration") out = make_duration(DurationClass::elapsed);
    else if (auto e = pack_.enum_by_name.find(type.name); e != pack_.enum_by_name.end())
        out = make_named(TypeKind::enumeration, e->second, type.name);
    else if (auto r = pack_.record_by_name.find(type.name); r != pack_.record_by_name.end())
        out = make_named(TypeKind::record, r->second, type.name);
    else if (declared_but_unparsed(type.name)) {
        return make_type(TypeKind::error);  // its syntax error is reported
    } else {
        std::vector<std::string> names = {"boolean", "integer", "text", "date", "datetime", "duration"};
        for (const auto& [n, i] : pack_.enum_by_name) names.push_back(n);
        for (const auto& [n, i] : pack_.record_by_name) names.push_back(n);
        diagnostics_.error(type.span, "unknown type '" + type.name + "'" + did_you_mean(type.name, names));
        return make_type(TypeKind::error);
    }
    return as_optional(out, type.optional || type.nullable);
}

const std::string* Checker::data_file(const std::string& name, const char* kind, Span at,
                                      const DataFileReader& read_data) {
    auto [it, fresh] = data_files_.try_emplace(name);
    if (fresh && is_rule_file(name)) it->second.problem = "is a rule file (*.rules); a data file has another name";
    else if (fresh) {
        it->second = read_data(name);
        if (it->second.problem.empty()) pack_.data_files.emplace_back(name, it->second.text);
    }
    if (!it->second.problem.empty()) {
        diagnostics_.error(at, std::string("the ") + kind + " file '" + name + "' " + it->second.problem);
        return nullptr;
    }
    return &it->second.text;
}

void Checker::declare_calendars(const DataFileReader& read_data) {
    for (const auto& decl : pack_.syntax.calendars) {
        if (pack_.calendar_by_name.count(decl.name)) {
            diagnostics_.error(decl.span, "the calendar '" + decl.name + "' is declared twice");
            continue;
        }
        std::string why;
        if (decl.timezone_rule.empty()) {
            diagnostics_.error(
                decl.span, "the calendar '" + decl.name + "' needs 'timezone \"<name>\" rules \"<POSIX TZ rule>\"'");
            continue;
        }
        auto zone = time::TimeZone::from_posix(decl.timezone, decl.timezone_rule, &why);
        if (!zone) {
            diagnostics_.error(decl.timezone_span, "this time-zone rule does not parse: " + why);
            continue;
        }
        std::array<std::vector<time::OpeningInterval>, 7> week;
        for (const auto& hours : decl.opening) {
            if (hours.close_seconds <= hours.open_seconds)
                diagnostics_.error(hours.span, "the closing time must be after the opening time");
            if (hours.last_day < hours.first_day)
                diagnostics_.error(
                    hours.span,
                    "the days run backwards; write them from the earlier to the later day, e.g. 'monday to friday'");
            for (int day = hours.first_day; day <= hours.last_day; ++day)
                week[day].push_back({hours.open_seconds, hours.close_seconds});
        }
        for (auto& intervals : week)
            std::sort(intervals.begin(), intervals.end(),
                      [](auto& a, auto& b) { return a.open_seconds < b.open_seconds; });
        std::vector<time::Holiday> holidays;
        for (const auto& source : decl.holidays) {
            const std::string* text = data_file(source.file, "holiday", source.file_span, read_data);
            if (!text) continue;
            auto read = time::read_govuk_holidays(*text, source.division, &why);
            if (!read) diagnostics_.error(source.span, "cannot read holidays from '" + source.file + "': " + why);
            else holidays.insert(holidays.end(), read->begin(), read->end());
        }
        try {
            pack_.calendars.emplace_back(decl.name, *zone, std::move(week), std::move(holidays));
        } catch (const std::invalid_argument&) {
            diagnostics_.error(
                decl.span,
                "the calendar '" + decl.name +
                    "' needs opening hours that do not overlap, on at least one day: add e.g. 'open monday to friday 09:00 to 17:00'");
            continue;
        }
        pack_.calendar_by_name[decl.name] = static_cast<int>(pack_.calendars.size() - 1);
    }
}

void Checker::declare_definitions() {
    auto add = [&](DefinitionKind kind, int index, const auto& decl) {
        const std::string& name = decl.name;
        if (pack_.definition_by_name.count(name) || pack_.calendar_by_name.count(name) ||
            (!pack_.syntax.inputs.empty() && pack_.syntax.inputs.front().name == name)) {
            diagnostics_.error(decl.span, "'" + name + "' is already defined; every definition needs its own name");
            return;
        }
        pack_.definition_by_name[name] = static_cast<int>(pack_.definitions.size());
        std::string label = decl.label.present ? decl.label.text : "";
        pack_.definitions.push_back(Definition{kind, index, name, decl.span, std::move(label), nullptr, {}});
    };
    for (std::size_t i = 0; i < pack_.syntax.lets.size(); ++i)
        add(DefinitionKind::let, static_cast<int>(i), pack_.syntax.lets[i]);
    for (std::size_t i = 0; i < pack_.syntax.decisions.size(); ++i)
        add(DefinitionKind::decision, static_cast<int>(i), pack_.syntax.decisions[i]);
    for (std::size_t i = 0; i < pack_.syntax.tables.size(); ++i)
        add(DefinitionKind::table, static_cast<int>(i), pack_.syntax.tables[i]);
    state_.assign(pack_.definitions.size(), 0);
}

void Checker::check_output() {
    const auto& manifests = pack_.syntax.manifests;
    std::string first_file = pack_.sources.empty() ? "" : pack_.sources.front().name();
    if (manifests.empty())
        diagnostics_.pack_error(first_file,
                                "the pack has no manifest: add 'pack <name> version \"<version>\"' to one file");
    for (std::size_t i = 1; i < manifests.size(); ++i)
        diagnostics_.error(manifests[i].span, "a second 'pack' declaration; a pack has exactly one manifest");
    auto& outputs = pack_.syntax.outputs;
    if (outputs.empty()) {
        diagnostics_.pack_error(
            first_file, "the pack has no output block: add 'output times in <calendar>' and the fields of a decision");
        return;
    }
    for (std::size_t i = 1; i < outputs.size(); ++i)
        diagnostics_.error(outputs[i].span, "a second 'output' block; a pack has exactly one");
    auto& output = outputs.front();
    auto calendar = pack_.calendar_by_name.find(output.times_in);
    if (calendar == pack_.calendar_by_name.end()) {
        std::vector<std::string> names;
        for (const auto& [n, i] : pack_.calendar_by_name) names.push_back(n);
        diagnostics_.error(output.times_span,
                           "unknown calendar '" + output.times_in + "'" + did_you_mean(output.times_in, names));
    } else {
        pack_.output_calendar = calendar->second;
    }
    std::set<std::string> names;
    std::vector<int> reads;
    reads_ = &reads;
    for (auto& field : output.fields) {
        if (!names.insert(field.name).second)
            diagnostics_.error(field.span, "the output field '" + field.name + "' is given twice");
        static const std::set<std::string> engine_fields = {"ruleset", "explanation"};
        if (engine_fields.count(field.name))
            diagnostics_.error(field.span, "'" + field.name + "' is written by the engine itself; choose another name");
        Scope scope;
        check(*field.value, scope, nullptr);
    }
    reads_ = nullptr;
    std::sort(reads.begin(), reads.end());
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
    pack_.output_depends_on = reads;
}

void Checker::require_citation(const ast::Citation& citation, Span span, const std::string& what) {
    if (!citation.present)
        diagnostics_.error(span,
                           what + " has no citation: add [source \"...\"] naming the protocol clause it implements");
    else if (citation.text.empty())
        diagnostics_.error(citation.span, "the citation is empty: name the protocol clause");
}

}  // namespace frontdoor::dsl
