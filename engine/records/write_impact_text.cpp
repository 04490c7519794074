// The impact report as text for a policy lead: a summary (the counts, the outcome transitions, the
// rules and fields that changed, the packs), then each changed decision with exactly what changed
// in it, by path, so that a changed deadline among several, or one flag more, is always there to
// read; a contact only one pack refused shows why and what the other decided.
#include "engine/records/compare_decisions.hpp"
#include "engine/records/diff_json_values.hpp"
#include "frontdoor/display_text.hpp"
#include "frontdoor/replay.hpp"

#include <algorithm>
#include <sstream>

namespace frontdoor {

namespace {

std::string shorten(const std::string& text, std::size_t limit) {
    return text.size() <= limit ? text : text.substr(0, limit - 3) + "...";
}

std::string pack_text(const ComparedPack& pack) {
    return pack.name + " version " + pack.version + " (" + pack.digest + ")";
}

// Which packs were compared, and over which records.
void write_packs(std::ostream& out, const ImpactReport& report) {
    out << "\nPacks compared\n";
    std::string before = report.from_log ? "  before (as recorded): " : "  before: ";
    std::string unit = report.from_log ? " records" : " contacts";
    for (const auto& pack : report.packs_before)
        out << before << pack_text(pack) << ": " << pack.contacts << unit << "\n";
    if (report.packs_before.empty()) out << before << "no records\n";
    out << "  after: " << pack_text(report.pack_after) << "\n";
    if (report.from.empty() && report.to.empty()) return;
    out << "  records made";
    if (!report.from.empty()) out << " from " << report.from;
    if (!report.to.empty()) out << (report.from.empty() ? " up to " : " to ") << report.to;
    out << " (UTC, inclusive)\n";
}

// The rules table stops here; the JSON report lists every one.
constexpr std::size_t top_rules = 10;

void write_counts(std::ostream& out, const ImpactReport& report) {
    std::size_t both = records::refused_by_both(report);
    out << report.changed << " of " << records::contacts_in(report) << " decisions change";
    if (report.refused_before || report.refused_after)
        out << " (refused: " << report.refused_before << " before, " << report.refused_after << " after; " << both
            << " by both packs, not compared)";
    out << "\n\nSummary\n";
    out << "  replayed: " << records::contacts_in(report) << "\n";
    out << "  changed: " << report.changed << "\n";
    out << "  explanation changed only: " << records::explanation_changed(report) << "\n";
    out << "  unchanged: " << records::unchanged(report) << "\n";
    out << "  refused by either pack: " << report.refused_before + report.refused_after - both << " ("
        << report.refused_before << " before, " << report.refused_after << " after, " << both << " by both)\n";
}

void write_summary(std::ostream& out, const ImpactReport& report) {
    write_counts(out, report);
    out << "\nOutcome transitions (before -> after: contacts)\n";
    for (const auto& t : report.transitions)
        out << "  " << t.before << " -> " << t.after << ": " << t.count << (t.before == t.after ? " (unchanged)" : "")
            << "\n";
    out << "\nRules that made the difference (contacts)\n";
    for (std::size_t i = 0; i < report.rules.size() && i < top_rules; ++i)
        out << "  " << report.rules[i].rule << ": " << report.rules[i].change << " (" << report.rules[i].contacts
            << ")\n";
    if (report.rules.size() > top_rules)
        out << "  ... and " << report.rules.size() - top_rules << " more (--format json lists every one)\n";
    out << "\nChanged decision fields (contacts)\n";
    for (const auto& field : report.fields) out << "  " << field.field << " (" << field.contacts << ")\n";
    write_packs(out, report);
}

// An explanation entry: "+" now applies, "-" no longer applies (its result, shortened: context
// only), "~" changed, with what changed in its result.
void write_rule_change(std::ostream& out, const ValueChange& entry) {
    if (entry.before.empty() || entry.after.empty()) {
        out << "    " << (entry.before.empty() ? "+ " : "- ") << entry.name << ": "
            << shorten(entry.before.empty() ? entry.after : entry.before, 60) << "\n";
        return;
    }
    auto parts = records::diff_json_values("", entry.before, entry.after);
    if (parts.size() == 1) {
        out << "    ~ " << entry.name << ": " << parts[0] << " (" << entry.change << ")\n";
        return;
    }
    out << "    ~ " << entry.name << " (" << entry.change << "):\n";
    for (const auto& part : parts) out << "        " << part << "\n";
}

// A contact only one pack refused: why, and what the other pack decided for it, field by field.
void write_refused_contact(std::ostream& out, const ChangedDecision& c) {
    if (c.refusal_before.empty())
        out << "decided before (outcome " << c.outcome_before << "), refused after: " << c.refusal_after << "\n";
    else out << "refused before (" << c.refusal_before << "), now decided: outcome " << c.outcome_after << "\n";
    for (const auto& field : c.decided)
        out << "    " << (c.refusal_before.empty() ? "got before " : "now gets ") << field.name << ": "
            << (c.refusal_before.empty() ? field.before : field.after) << "\n";
}

void write_contact(std::ostream& out, const ChangedDecision& c) {
    out << "  " << (c.contact_id ? c.label + " (contact " + *c.contact_id + ")" : c.label) << ": ";
    if (!c.refusal_before.empty() || !c.refusal_after.empty()) return write_refused_contact(out, c);
    if (c.outcome_before == c.outcome_after) out << "outcome " << c.outcome_before << " (unchanged)";
    else out << "outcome " << c.outcome_before << " -> " << c.outcome_after;
    if (explanation_only(c)) out << "; only its explanation changed";
    out << "\n";
    for (const auto& field : c.fields)
        for (const auto& part : records::diff_json_values(field.name, field.before, field.after))
            out << "    " << part << "\n";
    for (const auto& entry : c.explanation) write_rule_change(out, entry);
}

}  // namespace

std::string impact_text(const ImpactReport& report, const ImpactTextOptions& options) {
    std::ostringstream out;
    write_summary(out, report);
    out << "\nChanged decisions\n";
    std::size_t shown = std::min(report.contacts.size(), options.limit.value_or(report.contacts.size()));
    for (std::size_t i = 0; i < shown; ++i) write_contact(out, report.contacts[i]);
    if (shown < report.contacts.size())
        out << "  ... " << report.contacts.size() - shown << " more not shown (--limit " << *options.limit << ")\n";
    // Contact ids, refusals and decided values come from the log's contacts: shown, never obeyed.
    return escape_for_display(out.str());
}

}  // namespace frontdoor
