#pragma once
// The `frontdoor` program's exit statuses: one meaning each, the same for every command, listed in
// `frontdoor --help`, the README and docs/security.md. A script can tell "the answer is no" (1)
// from "the tool could not give an answer" (2 and above).
namespace frontdoor::cli {

enum ExitStatus : int {
    exit_ok = 0,
    // The command ran and the answer is no: a contact was refused, a scenario failed, a layout
    // differs (fmt --check), a log's check found a problem, a replay found differences.
    exit_refused = 1,
    // The command line is wrong: unknown option, missing value, stray argument. Nothing ran.
    exit_usage = 2,
    // The decision log could not be opened, checked or written. Everything printed before it was recorded.
    exit_log_failed = 3,
    // The rule pack does not load: its diagnostics are on standard error.
    exit_pack_failed = 4,
    // An input could not be read or an output could not be written (a contacts file, standard
    // output). Nothing further is decided or recorded after a failed write.
    exit_io_failed = 5,
    // A bug in Frontdoor: an exception nothing else caught. Reported on standard error.
    exit_internal = 70,
};

}  // namespace frontdoor::cli
