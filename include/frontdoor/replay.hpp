#pragma once
// Replay: re-decide recorded contacts with the pack recorded with them and confirm every decision
// is byte-identical; and the impact of a rule change: decide the same contacts under an old and a
// candidate pack and say what changed. Both spread the work over `threads` threads; packs are
// immutable and shared. The engine knows no outcome names: an outcome is whatever the pack's
// "outcome" field holds (its "code" when it is an object with one).
#include "frontdoor/json_lines.hpp"
#include "frontdoor/records.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor {

struct ReplayDifference {
    std::int64_t record = 0;
    std::optional<std::string> contact_id;
    std::string problem;   // e.g. "the decision differs at byte 312"
    std::string recorded;  // a short excerpt around the first difference
    std::string replayed;
};

struct ReplayReport {
    std::int64_t replayed = 0;
    std::int64_t other_engine = 0;              // records made by another engine version than this one
    std::vector<ReplayDifference> differences;  // in record order
};

// Thread-safe (it runs its own threads; the log may be shared). Throws std::invalid_argument for a
// bad time bound (time_bounds_problem) and std::runtime_error when the log cannot be read; a record
// whose pack no longer loads is a difference in the report, not an exception.
ReplayReport replay_log(const DecisionLog& log, const RecordFilter& filter, unsigned threads);

// One top-level decision field, or one explanation entry, before and after (raw JSON; "" when
// absent).
struct ValueChange {
    std::string name;
    std::string change;  // explanation entries: "now applies", "no longer applies",
                         // "same facts, different result", "different facts and result", or, with
                         // the same result, "citation changed" or "condition changed" (before and
                         // after then hold the citation or the condition's text)
    std::string before;
    std::string after;
};

struct ChangedDecision {
    std::string label;  // "record 17", "line 5", or with a source "contacts/a.jsonl line 5"
    std::optional<std::string> contact_id;
    std::string outcome_before, outcome_after;  // raw JSON; "" when that side was refused
    std::string refusal_before, refusal_after;  // "path: message" when refused
    std::vector<ValueChange> fields;            // changed top-level decision fields
    std::vector<ValueChange> explanation;       // explanation entries that changed
    // When only one side refused: the fields of the decision the other side gave (what the contact
    // now gets, or got before), whole, in the order written; before or after is "" on the refused side.
    std::vector<ValueChange> decided;
};

// A changed decision whose fields are all the same and whose explanation is not (a citation
// reworded, say): counted apart from ImpactReport::changed, listed among the contacts.
bool explanation_only(const ChangedDecision& contact);

struct OutcomeTransition {
    std::string before, after;  // raw JSON
    std::size_t count = 0;
};

struct RuleDifference {
    std::string rule;
    std::string change;        // as in ValueChange
    std::size_t contacts = 0;  // changed decisions in which it made this difference
};

struct FieldDifference {
    std::string field;
    std::size_t contacts = 0;
};

// A pack on one side of an impact report.
struct ComparedPack {
    std::string name, version, digest;
    std::size_t contacts = 0;  // the old side: the contacts it decided (from a log, the records it made)
};

struct ImpactReport {
    // Which packs were compared: the old side is --rules, or from a log each pack that made the
    // records in the span, in the order first used; the new side is the candidate.
    std::vector<ComparedPack> packs_before;
    ComparedPack pack_after;
    bool from_log = false;     // the old side is the decisions a log recorded
    std::string from, to;      // the span of recording times asked for (a log only), as given
    std::size_t compared = 0;  // contacts decided (or recorded) under both packs
    std::size_t changed = 0;   // decisions whose fields differ, or that only one pack refused
                               // (contacts whose explanation alone changed are listed, not counted
                               // here: see explanation_only)
    std::size_t refused_before = 0, refused_after = 0;
    std::vector<OutcomeTransition> transitions;  // every compared contact; changed outcomes first
    std::vector<RuleDifference> rules;           // rules that made the difference, most first
    std::vector<FieldDifference> fields;         // changed decision fields, most first
    std::vector<ChangedDecision> contacts;       // in input order (changed, or explanation only)
};

// How the text report is printed: at most `limit` changed decisions are listed (the counts and
// tables still count every one, and the report says how many were left out); none means all.
struct ImpactTextOptions {
    std::optional<std::size_t> limit;
};

// Recorded decisions (the old side) against `candidate`.
ImpactReport assess_log_impact(const DecisionLog& log, const RecordFilter& filter, const Pack& candidate,
                               unsigned threads);
// How far an assessment of contacts has got, for a face that shows it while a long input is read.
// `report` gets the number of lines of the contacts this assessment has read and tallied, blank
// lines counted (so 500 is lines 1 to 500 of a file, whatever they hold): each multiple of `every`
// as it is reached, in order, then once at the end every line it read, unless that is the number
// just reported. Each call gives a higher number than the one before; an input without lines gives
// none; `every` 0 gives only the last. It is called on the thread that called the assessment,
// between the tallying of two contacts, while worker threads go on deciding the next ones; an
// exception it throws ends the assessment and is thrown on. Without `report` nothing is called,
// and the report is the same either way.
struct ImpactProgress {
    std::function<void(std::size_t lines_done)> report;
    std::size_t every = 500;
};

// One contact per line (blank lines skipped) under `before` and `after`. A line the reader refuses
// (frontdoor/json_lines.hpp) is refused under both; a read error (ReadError) ends the assessment.
// It reads `contacts` from where it stands: a face that read a request line first passes the
// reader on. `first_line` is the number the first line it reads gets in the report's labels
// ("line N"): a slice of a file that starts at its line 1001 is assessed with 1001. `source`, when
// not empty, names the file the lines come from, in front of each label ("contacts/a.jsonl line
// 4"): a face that assesses several files gives each its name as the user gave it, and merges.
ImpactReport assess_contacts_impact(JsonLinesReader& contacts, const Pack& before, const Pack& after, unsigned threads,
                                    std::size_t first_line = 1, const ImpactProgress& progress = {},
                                    const std::string& source = "");
// The report of a whole input from the reports of its consecutive slices, given in input order
// (each assessed with its first_line, and its source when the input is several files; or each a
// span of a log's records): counts and tables added
// up and sorted as one assessment sorts them, changed decisions in order, the old side's packs by
// first use. The result is the report the whole input gives. An empty list gives an empty report.
ImpactReport merge_impact(std::vector<ImpactReport> parts);
// The assessments are thread-safe and throw as replay_log does; assess_contacts_impact throws
// ReadError when the contacts cannot be read. The two renderings below are thread-safe and throw
// only std::bad_alloc.
// The report as one JSON object, for tools.
std::string impact_json(const ImpactReport& report);
// The report as text for people: a summary first (the counts, the outcome transitions, the rules
// that made the difference, the fields that changed, the packs), then each changed decision with
// every part of a field that changed, by path (deadlines[2].due_at: "..." -> "..."), never cut
// short; a contact only one pack refused shows why, and what the other pack decides for it.
std::string impact_text(const ImpactReport& report, const ImpactTextOptions& options = {});

}  // namespace frontdoor
