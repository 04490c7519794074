#!/usr/bin/env python3
"""`frontdoor graph` as a map (issue #14 section 6), as a user runs it: `--contact FILE` (a contact or
a scenario file) draws the path that contact took; a refused contact exits 1 with the refusal on
standard error, in eval's words, and no graph; a contact file that cannot be read exits 5. When
Graphviz's `dot` is installed (it is not a dependency), every graph drawn here must parse: the
Hackney pack's, plain and with a scenario's path, and each golden graph folder's.
"""
import json
import os
import shutil
import subprocess

from contract_harness import check, finish, parse_args

TIMEOUT = 120


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=TIMEOUT)
    return done.returncode, done.stdout, done.stderr


def dot_parses(dot, text, what):
    done = subprocess.run([dot, "-Tsvg", "-o", os.devnull], input=text, capture_output=True, text=True,
                          timeout=TIMEOUT)
    check(done.returncode == 0 and done.stderr == "", what + " parses with dot: " + done.stderr)


def main():
    args = parse_args(extra=[("--golden", {"required": True})])
    path_pack = os.path.join(args.golden, "highlighted-path")
    scenario = os.path.join(path_pack, "contact.json")

    code, out, err = run(args.cli, "graph", "--rules", path_pack, "--contact", scenario)
    check(code == 0 and err == "", "graph --contact exits 0 quietly: %d %s" % (code, err))
    check(out == open(os.path.join(path_pack, "expected.dot"), encoding="utf-8").read(),
          "graph --contact prints the golden DOT")
    code, out, err = run(args.cli, "graph", "--rules", path_pack, "--contact", scenario, "--format", "json")
    states = {v["label"]: v.get("state") for v in json.loads(out)["vertices"]} if code == 0 else {}
    check(states.get("level row urgent_case") == "not applied" and states.get("level row level_two") == "applied"
          and states.get("level row 4") == "not tried", "graph --contact --format json gives each vertex a state")

    refused = os.path.join(args.golden, "refused-contact")
    code, out, err = run(args.cli, "graph", "--rules", refused, "--contact", os.path.join(refused, "contact.json"))
    check(code == 1, "a refused contact exits 1, not %d" % code)
    check(out == "", "a refused contact draws no graph: " + out[:200])
    _, eval_out, _ = run(args.cli, "eval", "--rules", refused, os.path.join(refused, "contact.json"))
    check(err == eval_out and "never negative" in err, "the refusal is on standard error as eval words it: " + err)

    code, out, err = run(args.cli, "graph", "--rules", refused, "--contact", os.path.join(refused, "missing.json"))
    check(code == 5 and out == "" and err.startswith("frontdoor graph: "),
          "an unreadable contact file exits 5 with a message: %d %s" % (code, err))

    dot = shutil.which("dot")
    if dot is None:
        print("dot (Graphviz) is not installed: the check that dot parses the graphs is skipped")
    else:
        hackney_scenario = os.path.join(args.rules, "scenarios", "004-level-4-progress-to-s47.json")
        dot_parses(dot, run(args.cli, "graph", "--rules", args.rules)[1], "the Hackney graph")
        dot_parses(dot, run(args.cli, "graph", "--rules", args.rules, "--contact", hackney_scenario)[1],
                   "the Hackney graph with a scenario's path")
        for case in sorted(os.listdir(args.golden)):
            expected = os.path.join(args.golden, case, "expected.dot")
            if os.path.exists(expected):
                dot_parses(dot, open(expected, encoding="utf-8").read(), "golden graph " + case)

    finish("graph CLI: all checks passed")


if __name__ == "__main__":
    main()
