#pragma once
// Walkthroughs for trainers: a step-by-step account, in plain English, of how an input was
// decided; and what-if comparisons that change one fact and show what changed and why.
#include "frontdoor/frontdoor.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace frontdoor {

struct WalkthroughStep {
    std::string heading;             // a definition, or a decision with "(the first row that applies decides)"
    std::string source;              // the citation of what decided it
    std::vector<std::string> lines;  // sentences, in order
    // What a what-if compares: the step is the same step in two walkthroughs when its `key` is (a
    // definition, or a collect decision's row), and it went differently only when its `outcome` (the
    // row that applied and the value it gave) differs, not when only the facts it read did.
    std::string key;
    std::string outcome;
};

// A part of a value shown in words: a record's field, or the whole of a value that is no record.
struct WalkthroughPart {
    std::string name;  // the field's name; empty for the whole value
    std::string shown;
    bool is_time = false;  // a date or a time: a change of it is a move
};

// A value the decision holds (a whole output field, or an item of a list or set), in words, with
// the rule that gave it: what a what-if names on each side of a difference.
struct WalkthroughValue {
    std::string key;  // the item's identity across two walkthroughs: a record's first field, else its words
    std::vector<WalkthroughPart> parts;
    std::string rule;     // "route, row urgent_case", a definition's name, or "" for an input path
    std::string because;  // "x.level >= 3 (x.level is 4)", or what a definition read
};

// An output field of the decision and where each part of it came from. For a collect decision,
// `items` holds each item with the row that added it, and `not_applied` each row that added
// nothing, with why ("row 3" -> "x does not hold (x is no)").
struct WalkthroughField {
    std::string name;    // the output field's name, as the decision's JSON has it
    std::string called;  // as a person says it: "risk level (risk_level)" where labelled, else `name`
    bool collection = false;
    WalkthroughValue whole;               // when not a collection
    std::vector<WalkthroughValue> items;  // when a collection
    std::vector<std::pair<std::string, std::string>> not_applied;
};

struct Walkthrough {
    bool refused = false;
    std::string refusal;                 // "at /person/born_on: ..." when refused
    std::vector<std::string> facts;      // "x.channel is the online form", in the order first read, by every row tried
    std::vector<WalkthroughStep> steps;  // each definition, in the order it was settled
    std::vector<std::string> result;     // each output field in words: "risk level (risk_level): 2"
    std::vector<WalkthroughField> fields;  // each output field, with the rows that gave it
    std::string decision_json;             // the decision exactly as eval writes it: the walkthrough's appendix
};

Walkthrough walk_through(const Pack& pack, std::string_view input_json);

// What a walkthrough decides, from the text of the file `path`: a scenario file's "contact", titled
// by its "scenario" (and "narrative"); anything else (a contact, or JSON nested too deep to take
// apart) is the input itself, titled by `path`, and is refused or decided as it stands.
struct WalkthroughInput {
    std::string contact;
    std::string title;
    std::string heading;      // a scenario's title alone, without its narrative (else as `title`)
    std::string expectation;  // a scenario's "expect" or "expect_refusal" object as JSON, or ""
    bool expects_refusal = false;
};
WalkthroughInput walkthrough_input(const std::string& text, const std::string& path);

// A scenario's narrative tells the decision its expectations hold. When the pack now gives another
// decision, the narrative tells an old story: this lists each expectation the walkthrough's decision
// no longer meets ("outcome: the scenario expects ..., the pack now gives ..."), so that a face can
// say so loudly instead of printing the old story beside the new decision. Empty when every
// expectation holds, or the input is not a scenario.
std::vector<std::string> stale_expectations(const Walkthrough& walkthrough, const WalkthroughInput& input);
// What a face says before such a walkthrough, one line per stale expectation: "WARNING: this
// scenario's narrative no longer matches ...", ending with a blank line. Empty when `stale` is.
std::string render_stale_warning(const std::vector<std::string>& stale);

// Sets the value at a path (a JSON pointer "/child/birth_date" or dotted "child.birth_date") of a
// JSON document. `value` is JSON ("2010-01-01" quoted, true, ["bullying"]); a bare word that is not
// JSON is taken as a string. Returns false with `error` set when the path or document is unusable.
bool apply_what_if(std::string& input_json, const std::string& assignment, std::string& error);

// The functions in this header are thread-safe; a refused input is a Walkthrough with `refused`
// set, never an exception. They throw std::bad_alloc, or (a bug in Frontdoor, unlike Pack::decide,
// which turns it into a refusal) a std::logic_error from the engine.
// Plain text (with ANSI colour when `colour`) or Markdown. Every text shown (the title, facts,
// steps, results, refusal and what-ifs) is passed through escape_for_display first. The narrative
// is in words; the decision as JSON (`decision_json`, byte for byte) ends it, as an appendix.
std::string render_walkthrough(const Walkthrough& walkthrough, const std::string& title, bool markdown, bool colour);
// What changed between two walkthroughs of the same input before and after what-ifs: each output
// field whose value changed, each item of a list or set that appeared or disappeared, each date or
// time that moved ("moved from ... to ..."), with the row that gave it on each side ("before: ...;
// now: ..."); then each step whose row or value changed, appeared or no longer happens.
std::string render_what_if(const Walkthrough& before, const Walkthrough& after, const std::vector<std::string>& changes,
                           bool markdown, bool colour);

// What render_what_if tells, as data, for a face that lays it out itself (the workspace's page):
// the same sentences, escaped for display, without the layout's marks.
//
// One thing about the decision that changed, appeared, disappeared or moved ("route: csc_screening
// disappeared"), with what gave it, or did not, on each side ("" when there is nothing to say).
struct WhatIfDifference {
    std::string change;
    std::string before;
    std::string now;
};
// A step whose row or value changed ("(before: ...)"), a new one, or one that no longer happens.
struct WhatIfStep {
    WalkthroughStep step;
    std::string note;
};
struct WhatIfComparison {
    std::vector<std::string> facts_changed;  // "x.level was 1; now it is 4": facts read on both sides
    bool refused_before = false;             // then `decided_now` says what the changed input gave
    std::string refusal_before;
    std::vector<std::string> decided_now;
    bool refused_after = false;  // the changed input is refused: nothing below is compared
    std::string refusal_after;
    std::vector<WhatIfDifference> differences;  // empty: the decision is the same
    std::vector<WhatIfStep> steps;              // empty: every step gave what it gave before
};
WhatIfComparison compare_what_if(const Walkthrough& before, const Walkthrough& after);

}  // namespace frontdoor
