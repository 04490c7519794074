"""A control character in untrusted input (a rule file, a scenario, a command-line value) is shown
escaped (`\\u{1b}`), never written as it is, wherever a diagnostic or a refusal quotes it for a
terminal or a log line (docs/security.md, "Text shown on a terminal or in Markdown"). Before, `frontdoor
check` echoed a rule file's ESC and BEL in its message and source line, `frontdoor test` a scenario's
title, `frontdoor eval` a refused option's value, and the service's log a reload's diagnostic, so
that an escape sequence in the file ran in the policy lead's terminal. JSON is escaped by the JSON
writer and not twice: a reload's diagnostic keeps its text in "message", escaped in "rendered".

    check_control_characters.py --cli build/frontdoor --rules rules/hackney
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from service_harness import Server, check, finish, parse_args  # noqa: E402

# Two enumeration literals the pack refuses on one line, after a BEL and holding an ESC: the second
# error's caret must sit under its literal as shown, past the BEL's escape.
BAD_LINE = 'let shown: boolean = contact.channel = "\x07" or contact.channel = "ph\x1b[2Jone"  [source "s"]\n'
SHOWN_LITERAL = '"ph\\u{1b}[2Jone"'
RAW = ("\x1b", "\x07", "\x00", "\r")


def raw_controls(text):
    return [c for c in RAW if c in text]


def run(cli, *args, stdin=""):
    done = subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, errors="replace", timeout=120)
    return done.returncode, done.stdout, done.stderr


def check_rule_file(cli, pack):
    with open(os.path.join(pack, "flags.rules"), "a") as f:
        f.write(BAD_LINE)
    status, _, err = run(cli, "check", pack)
    check(status == 4 and not raw_controls(err) and SHOWN_LITERAL in err,
          f"check: exit 4, the literal shown as {SHOWN_LITERAL}, no raw control character: {status} {err!r}")
    lines = err.splitlines()
    carets = [i for i, line in enumerate(lines) if i > 0 and SHOWN_LITERAL in lines[i - 1] and "^" in line
              and lines[i - 1].find(SHOWN_LITERAL) == line.find("^")]
    check(carets and lines[carets[0]].count("~") == len(SHOWN_LITERAL) - 1,
          f"check: the caret and its tildes sit under {SHOWN_LITERAL} as shown: {lines}")


def check_scenario_title(cli, rules, work):
    pack = os.path.join(work, "titled")
    shutil.copytree(rules, pack)
    scenarios = os.path.join(pack, "scenarios")
    name = sorted(os.listdir(scenarios))[0]
    with open(os.path.join(scenarios, name)) as f:
        scenario = json.load(f)
    scenario["scenario"] = "title \x1b]0;owned\x07 here"
    scenario["expect"]["consent"] = "not \x1b[31m this"
    with open(os.path.join(scenarios, name), "w") as f:
        json.dump(scenario, f)
    status, out, _ = run(cli, "test", pack)
    check(status == 1 and not raw_controls(out) and "title \\u{1b}]0;owned\\u{7} here" in out,
          f"test: the failing scenario's title shown escaped: {status} {out[:600]!r}")


def check_option_value(cli, rules):
    status, out, err = run(cli, "eval", "--rules", rules, "--explain", "\x1b[2Jfull", stdin="{}")
    check(status == 2 and not raw_controls(err) and "'\\u{1b}[2Jfull'" in err,
          f"eval --explain ESC[2Jfull: exit 2 naming the value escaped: {status} {err!r}")


def check_log(cli, rules, work):
    pack = os.path.join(work, "served")
    shutil.copytree(rules, pack)
    with Server(cli, pack, extra=["--no-watch"]) as server:
        with open(os.path.join(pack, "flags.rules"), "a") as f:
            f.write(BAD_LINE)
        status, _, body = server.request("POST", "/v1/pack:reload", "")
        diagnostics = json.loads(body).get("error", {}).get("diagnostics", [])
        messages = [d["message"] for d in diagnostics]
        rendered = [d["rendered"] for d in diagnostics]
        check(status == 422 and any("ph\x1b[2Jone" in m for m in messages),
              f"reload: 422, the diagnostic's message as written (JSON escapes it once): {status} {messages}")
        check(any(SHOWN_LITERAL in r for r in rendered) and not any(raw_controls(r) for r in rendered),
              f"reload: the rendered diagnostic shows it escaped: {rendered}")
        log = server.stderr()
    check("reload of the active pack" in log and SHOWN_LITERAL in log and not raw_controls(log),
          f"the log's line shows the literal escaped: {log!r}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as work:
        pack = os.path.join(work, "pack")
        shutil.copytree(args.rules, pack)
        check_rule_file(args.cli, pack)
        check_scenario_title(args.cli, args.rules, work)
        check_option_value(args.cli, args.rules)
        check_log(args.cli, args.rules, work)
    finish()


if __name__ == "__main__":
    main()
