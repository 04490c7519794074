#include "engine/explain/render_value.hpp"

#include "engine/calendar/civil_time.hpp"

namespace frontdoor::engine {

using dsl::TypeKind;

namespace {

const time::TimeZone& output_zone(const dsl::CheckedPack& pack) {
    return pack.calendars[static_cast<std::size_t>(pack.output_calendar)].zone();
}

}  // namespace

namespace {

// describe_duration's words, appended to `out`.
void append_duration(std::string& out, const dsl::CheckedPack& pack, const Value& d) {
    static const char* const units[] = {"second", "minute", "hour", "day", "month", "working day"};
    out += std::to_string(d.number);  // a short string: no allocation
    out += ' ';
    out += units[d.duration_unit];
    if (d.number != 1) out += 's';
    if (d.calendar >= 0 && d.duration_unit == static_cast<std::uint8_t>(dsl::ast::DurationUnit::working_days)) {
        out += " of ";
        out += pack.calendars[static_cast<std::size_t>(d.calendar)].name();
    }
}

}  // namespace

std::string describe_duration(const dsl::CheckedPack& pack, const Value& d) {
    std::string out;
    append_duration(out, pack, d);
    return out;
}

void write_value(JsonWriter& out, const CompiledPack& compiled, const Value& value, const dsl::TypeRef& type) {
    const dsl::CheckedPack& pack = *compiled.checked;
    if (!value.present()) {
        out.null();
        return;
    }
    switch (value.kind) {
        case Value::Kind::boolean: out.boolean(value.truthy()); return;
        case Value::Kind::integer: out.integer(value.number); return;
        case Value::Kind::text: out.string(value.text()); return;
        case Value::Kind::enumeration: out.raw(compiled.explanation.encoded_members[type->decl][value.number]); return;
        case Value::Kind::date: {  // digits and '-' only: nothing to escape
            std::string& json = out.raw_value();
            json += '"';
            time::append_date(json, static_cast<time::DayNumber>(value.number));
            json += '"';
            return;
        }
        case Value::Kind::datetime: {
            std::string& json = out.raw_value();
            json += '"';
            output_zone(pack).append(json, value.number);
            json += '"';
            return;
        }
        case Value::Kind::duration: {
            // The words are written into this thread's buffer, kept from one decision to the next.
            thread_local std::string words;
            words.clear();
            append_duration(words, pack, value);
            out.string(words);
            return;
        }
        case Value::Kind::list:
            out.begin_array();
            for (const Value& item : value.elements()) write_value(out, compiled, item, type->element);
            out.end_array();
            return;
        case Value::Kind::record: {
            const dsl::RecordInfo& record = pack.records[type->decl];
            out.begin_object();
            const auto& fields = value.elements();
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (!fields[i].present()) continue;
                out.raw_key(compiled.explanation.encoded_fields[type->decl][i]);
                write_value(out, compiled, fields[i], record.fields[i].value_type);
            }
            out.end_object();
            return;
        }
        case Value::Kind::absent: out.null(); return;
    }
}

std::string describe_value(const CompiledPack& compiled, const Value& value, const dsl::TypeRef& type) {
    const dsl::CheckedPack& pack = *compiled.checked;
    if (!value.present()) return "absent";
    switch (value.kind) {
        case Value::Kind::boolean: return value.truthy() ? "yes" : "no";
        case Value::Kind::integer: return std::to_string(value.number);
        case Value::Kind::text: return "\"" + std::string(value.text()) + "\"";
        case Value::Kind::enumeration: return pack.enums[type->decl].sorted[value.number];
        case Value::Kind::date: return time::describe_day(static_cast<time::DayNumber>(value.number));
        case Value::Kind::datetime: {
            time::LocalTime local = output_zone(pack).to_local(value.number);
            return time::describe_day(local.day) + " at " + time::describe_time_of_day(local.seconds_of_day);
        }
        case Value::Kind::duration: return describe_duration(pack, value);
        default: {
            std::string json;
            JsonWriter out(json);
            write_value(out, compiled, value, type);
            return json;
        }
    }
}

}  // namespace frontdoor::engine
