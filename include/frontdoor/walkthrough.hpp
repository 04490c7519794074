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
};

struct Walkthrough {
    bool refused = false;
    std::string refusal;                 // "at /child/birth_date: ..." when refused
    std::vector<std::string> facts;      // "contact.channel is form", in the order first read
    std::vector<WalkthroughStep> steps;  // each definition, in the order it was settled
    std::vector<std::string> result;     // each output field: "outcome is {...}"
    std::string decision_json;
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

// Sets the value at a path (a JSON pointer "/child/birth_date" or dotted "child.birth_date") of a
// JSON document. `value` is JSON ("2010-01-01" quoted, true, ["bullying"]); a bare word that is not
// JSON is taken as a string. Returns false with `error` set when the path or document is unusable.
bool apply_what_if(std::string& input_json, const std::string& assignment, std::string& error);

// The functions in this header are thread-safe; a refused input is a Walkthrough with `refused`
// set, never an exception. They throw std::bad_alloc, or (a bug in Frontdoor, unlike Pack::decide,
// which turns it into a refusal) a std::logic_error from the engine.
// Plain text (with ANSI colour when `colour`) or Markdown. Every text shown (the title, facts,
// steps, results, refusal and what-ifs) is passed through escape_for_display first.
std::string render_walkthrough(const Walkthrough& walkthrough, const std::string& title, bool markdown, bool colour);
// What changed between two walkthroughs of the same input before and after what-ifs.
std::string render_what_if(const Walkthrough& before, const Walkthrough& after, const std::vector<std::string>& changes,
                           bool markdown, bool colour);

}  // namespace frontdoor
