#!/usr/bin/env python3
"""Every command of `frontdoor` refuses an argument it does not take, with exit status 2 and a
message naming it (and the option meant, when one is close), instead of silently ignoring it; an
option given without its value is refused the same way.
"""
import json
import os
import subprocess
import tempfile

from contract_harness import check, finish, parse_args


def run(cli, *args):
    """Exit status, output and error of `frontdoor ARGS`; a command still running after 30 s (a server
    that took arguments it should have refused) is killed and reported as exit status None."""
    try:
        done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired as expired:
        return None, expired.stdout or "", expired.stderr or ""
    return done.returncode, done.stdout, done.stderr


def refused(cli, args, message):
    code, out, err = run(cli, *args)
    check(code == 2 and err.strip() == message and out == "",
          f"frontdoor {' '.join(args)}: expected exit 2 and {message!r}, got {code} {err.strip()!r}")


def main():
    options = parse_args()
    cli, rules = options.cli, options.rules
    with tempfile.TemporaryDirectory() as scratch:
        log = os.path.join(scratch, "log.db")
        contact = os.path.join(rules, "scenarios", sorted(os.listdir(os.path.join(rules, "scenarios")))[0])
        # A misspelt option, for each command, with the option that was meant.
        refused(cli, ["replay", "--log", log, "--form", "2024-01-01"],
                "frontdoor replay: unknown option '--form'; did you mean '--from'?")
        refused(cli, ["eval", "--rules", rules, "--jsnol", contact],
                "frontdoor eval: unknown option '--jsnol'; did you mean '--jsonl'?")
        refused(cli, ["check", rules, "--stirct"], "frontdoor check: unknown option '--stirct'; did you mean '--strict'?")
        refused(cli, ["test", rules, "--coverge"], "frontdoor test: unknown option '--coverge'; did you mean '--coverage'?")
        refused(cli, ["schema", "--rule", rules], "frontdoor schema: unknown option '--rule'; did you mean '--rules'?")
        refused(cli, ["graph", "--rules", rules, "--fromat", "json"],
                "frontdoor graph: unknown option '--fromat'; did you mean '--format'?")
        # A format the graph is not drawn in is refused by name, never drawn as DOT.
        refused(cli, ["graph", "--rules", rules, "--format", "svg"],
                "frontdoor graph: unknown graph format 'svg'; the formats are dot and json")
        refused(cli, ["fmt", rules, "--chek"], "frontdoor fmt: unknown option '--chek'; did you mean '--check'?")
        refused(cli, ["walkthrough", "--rules", rules, contact, "--what_if", "x=1"],
                "frontdoor walkthrough: unknown option '--what_if'; did you mean '--what-if'?")
        refused(cli, ["audit", "verify", "--log", log, "--haed", "sha256:0"],
                "frontdoor audit verify: unknown option '--haed'; did you mean '--head'?")
        refused(cli, ["audit", "show", "--log", log, "--recrod", "1"],
                "frontdoor audit show: unknown option '--recrod'; did you mean '--record'?")
        # An option of another subcommand is not taken either.
        refused(cli, ["audit", "verify", "--log", log, "--record", "1"],
                "frontdoor audit verify: unknown option '--record' (see --help)")
        refused(cli, ["replay", "--log", log, "--format=json"],
                "frontdoor replay: unknown option '--format=json'; write the value after a space: --format json")
        # An option without its value: last, or followed by another option.
        refused(cli, ["replay", "--log", log, "--from"], "frontdoor replay: the option '--from' needs a value")
        refused(cli, ["replay", "--log", log, "--to", "--format", "json"], "frontdoor replay: the option '--to' needs a value")
        refused(cli, ["eval", "--rules", rules, "--record"], "frontdoor eval: the option '--record' needs a value")
        # An option given twice is refused, never the first or the last silently taken; the options
        # meant to repeat (replay's --contacts, walkthrough's --what-if) are not.
        refused(cli, ["eval", "--rules", rules, "--rules", "elsewhere", contact],
                f"frontdoor eval: the option '--rules' is given twice ('{rules}', then 'elsewhere'): give it once")
        refused(cli, ["replay", "--log", log, "--from", "2024-01-01", "--from", "2024-02-01"],
                "frontdoor replay: the option '--from' is given twice ('2024-01-01', then '2024-02-01'): give it once")
        refused(cli, ["serve", "--rules", rules, "--listen", "127.0.0.1:0", "--listen", "127.0.0.1:1", "--no-auth"],
                "frontdoor serve: the option '--listen' is given twice ('127.0.0.1:0', then '127.0.0.1:1'): give it once")
        code, _, err = run(cli, "walkthrough", "--rules", rules, contact, "--what-if", "x=1", "--what-if", "y=2")
        check("given twice" not in err, f"walkthrough takes --what-if more than once: {code} {err.strip()[:200]}")
        # An operand a command does not take.
        refused(cli, ["replay", "--log", log, "2024-01-01"], "frontdoor replay: unexpected argument '2024-01-01'")
        refused(cli, ["eval", "--rules", rules, contact, contact], f"frontdoor eval: unexpected argument '{contact}'")
        # A number of threads is a number from 1 to 999, and goes with a batch.
        refused(cli, ["eval", "--rules", rules, "--jsonl", "--threads", "0", contact],
                "frontdoor eval: --threads takes a number of threads from 1 to 999, not '0'")
        refused(cli, ["eval", "--rules", rules, "--jsonl", "--threads", "two", contact],
                "frontdoor eval: --threads takes a number of threads from 1 to 999, not 'two'")
        refused(cli, ["eval", "--rules", rules, "--threads", "2", contact],
                "frontdoor eval: --threads goes with --jsonl: one contact is decided on one thread")
        refused(cli, ["replay", "--log", log, "--threads", "1000"],
                "frontdoor replay: --threads takes a number of threads from 1 to 999, not '1000'")
        # serve's times are milliseconds up to a day: longer ones overflowed the clock (a deadline of
        # 10^13 ms put every deadline in the past, every request 503; a read timeout as long closed
        # every connection), and its I/O threads are 1 to 999 like every command's.
        serve = ["serve", "--rules", rules, "--listen", "127.0.0.1:0", "--no-auth"]
        for name in ("--request-deadline-ms", "--read-timeout-ms", "--write-timeout-ms", "--stop-grace-ms"):
            refused(cli, [*serve, name, "10000000000000"],
                    f"frontdoor serve: {name} takes milliseconds from 1 to 86400000 (a day), not '10000000000000'")
        refused(cli, [*serve, "--threads", "100000"],
                "frontdoor serve: --threads takes a number of threads from 1 to 999, not '100000'")
        # A value an option does not take is refused by name before anything runs, never taken as
        # another: walkthrough --format json was text, --min-coverage "50abc" was 50 and "nan" a bar
        # every pack clears ("abc" an internal error, exit 70, after every scenario ran), and
        # --head "" (a script's "$(cat head.txt)" when the file is missing) verified without the head.
        refused(cli, ["walkthrough", "--rules", rules, contact, "--format", "json"],
                "frontdoor walkthrough: --format is text or md, not 'json'")
        for minimum in ("50abc", "nan", "abc", "101", "-5"):
            refused(cli, ["test", rules, "--min-coverage", minimum],
                    f"frontdoor test: --min-coverage takes a percentage from 0 to 100, e.g. 100 or 99.5, not '{minimum}'")
        code, out, _ = run(cli, "test", rules, "--min-coverage", "99.5")
        check(code == 0 and "150 passed" in out, f"test --min-coverage 99.5 runs, got {code} {out[-200:]!r}")
        recorded = os.path.join(scratch, "recorded.db")
        bare = os.path.join(scratch, "contact.json")
        with open(contact) as scenario, open(bare, "w") as out:
            json.dump(json.load(scenario)["contact"], out)
        code, _, err = run(cli, "eval", "--rules", rules, "--record", recorded, bare)
        check(code == 0, f"eval --record makes a log, got {code} {err[:200]!r}")
        head_message = ("frontdoor audit verify: --head takes a record hash as verify prints it after 'head: record N', "
                        "sha256: and 64 lowercase hex digits, not '{}'")
        for head in ("", "SHA256:" + "A" * 64, "sha256:0"):
            refused(cli, ["audit", "verify", "--log", recorded, "--head", head], head_message.format(head))
        code, out, _ = run(cli, "audit", "verify", "--log", recorded)
        head = out.split()[-1] if code == 0 else ""
        code, out, _ = run(cli, "audit", "verify", "--log", recorded, "--head", head)
        check(code == 0 and out.startswith("ok: 1 record"), f"verify --head with the log's head, got {code} {out!r}")
        # Nothing was created by a refused command.
        check(not os.path.exists(log), "a refused command creates no log")
        # A log level spdlog does not know was read as "off": every warning and error silenced.
        for level in ("INFO", "debgu", ""):
            refused(cli, ["check", rules, "--log-level", level],
                    f"frontdoor: --log-level is trace, debug, info, warn, error or off, not '{level}'")
        # --log-level and --help are taken by every command.
        code, out, _ = run(cli, "replay", "--help", "--log-level", "error")
        check(code == 0 and out.startswith("Usage: frontdoor replay"), "replay --help --log-level error prints help")
        code, _, _ = run(cli, "check", rules, "--log-level", "error")
        check(code == 0, "check DIR --log-level error runs")
    finish()


if __name__ == "__main__":
    main()
