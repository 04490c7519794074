// The impact report as JSON for tools. Decision values are embedded as the JSON they were
// decided as; a side that was refused or a field that was absent is null.
#include "engine/json/json_writer.hpp"
#include "engine/records/compare_decisions.hpp"
#include "frontdoor/replay.hpp"

namespace frontdoor {

namespace {

using engine::JsonWriter;

void raw_or_null(JsonWriter& out, const std::string& json) {
    if (json.empty()) out.null();
    else out.raw(json);
}

void write_changes(JsonWriter& out, const std::vector<ValueChange>& changes, bool with_kind) {
    out.begin_array();
    for (const ValueChange& change : changes) {
        out.begin_object();
        out.key(with_kind ? "rule" : "field");
        out.string(change.name);
        if (with_kind) {
            out.key("change");
            out.string(change.change);
        }
        out.key("before");
        raw_or_null(out, change.before);
        out.key("after");
        raw_or_null(out, change.after);
        out.end_object();
    }
    out.end_array();
}

void write_pack(JsonWriter& out, const ComparedPack& pack, bool with_contacts) {
    out.begin_object();
    for (const auto& [key, value] :
         {std::pair{"name", &pack.name}, std::pair{"version", &pack.version}, std::pair{"digest", &pack.digest}}) {
        out.key(key);
        out.string(*value);
    }
    if (with_contacts) {
        out.key("contacts");
        out.integer(static_cast<std::int64_t>(pack.contacts));
    }
    out.end_object();
}

// Which packs were compared: "packs_before" (from a log, each recorded pack with the records it
// made), "pack_after", where the old side comes from, and the span of recording times asked for.
void write_packs(JsonWriter& out, const ImpactReport& report) {
    out.key("before_from");
    out.string(report.from_log ? "log" : "contacts");
    out.key("packs_before");
    out.begin_array();
    for (const ComparedPack& pack : report.packs_before) write_pack(out, pack, true);
    out.end_array();
    out.key("pack_after");
    write_pack(out, report.pack_after, false);
    for (const auto& [key, bound] : {std::pair{"recorded_from", &report.from}, std::pair{"recorded_to", &report.to}}) {
        out.key(key);
        if (bound->empty()) out.null();
        else out.string(*bound);
    }
}

void write_contact(JsonWriter& out, const ChangedDecision& contact) {
    out.begin_object();
    out.key("label");
    out.string(contact.label);
    out.key("contact_id");
    if (contact.contact_id) out.string(*contact.contact_id);
    else out.null();
    out.key("outcome");
    out.begin_object();
    out.key("before");
    raw_or_null(out, contact.outcome_before);
    out.key("after");
    raw_or_null(out, contact.outcome_after);
    out.end_object();
    for (const auto& [key, refusal] :
         {std::pair{"refused_before", &contact.refusal_before}, std::pair{"refused_after", &contact.refusal_after}}) {
        if (refusal->empty()) continue;
        out.key(key);
        out.string(*refusal);
    }
    out.key("fields");
    write_changes(out, contact.fields, false);
    out.key("explanation");
    write_changes(out, contact.explanation, true);
    out.key("explanation_only");
    out.boolean(explanation_only(contact));
    // Only one side refused: what the other decided, field by field.
    if (!contact.decided.empty()) {
        out.key("decided");
        out.begin_object();
        for (const ValueChange& field : contact.decided) {
            out.key(field.name);
            out.raw(field.before.empty() ? field.after : field.before);
        }
        out.end_object();
    }
    out.end_object();
}

}  // namespace

std::string impact_json(const ImpactReport& report) {
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    // "total" counts each contact once; one refused by both packs is in both refused counts and
    // in "refused_both", and is not compared.
    std::size_t both = records::refused_by_both(report);
    for (const auto& [key, count] :
         {std::pair{"total", records::contacts_in(report)}, std::pair{"compared", report.compared},
          std::pair{"changed", report.changed}, std::pair{"refused_before", report.refused_before},
          std::pair{"refused_after", report.refused_after}, std::pair{"refused_both", both},
          std::pair{"explanation_changed", records::explanation_changed(report)},
          std::pair{"unchanged", records::unchanged(report)}}) {
        out.key(key);
        out.integer(static_cast<std::int64_t>(count));
    }
    write_packs(out, report);
    out.key("outcome_transitions");
    out.begin_array();
    for (const OutcomeTransition& t : report.transitions) {
        out.begin_object();
        out.key("before");
        out.raw(t.before);
        out.key("after");
        out.raw(t.after);
        out.key("count");
        out.integer(static_cast<std::int64_t>(t.count));
        out.end_object();
    }
    out.end_array();
    out.key("rules");
    out.begin_array();
    for (const RuleDifference& rule : report.rules) {
        out.begin_object();
        out.key("rule");
        out.string(rule.rule);
        out.key("change");
        out.string(rule.change);
        out.key("contacts");
        out.integer(static_cast<std::int64_t>(rule.contacts));
        out.end_object();
    }
    out.end_array();
    out.key("fields");
    out.begin_array();
    for (const FieldDifference& field : report.fields) {
        out.begin_object();
        out.key("field");
        out.string(field.field);
        out.key("contacts");
        out.integer(static_cast<std::int64_t>(field.contacts));
        out.end_object();
    }
    out.end_array();
    out.key("contacts");
    out.begin_array();
    for (const ChangedDecision& contact : report.contacts) write_contact(out, contact);
    out.end_array();
    out.end_object();
    return text;
}

}  // namespace frontdoor
