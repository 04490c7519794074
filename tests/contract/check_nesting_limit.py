#!/usr/bin/env python3
"""A rule file nested far past the nesting limit (docs/security.md, "Nesting") is refused by
`frontdoor check`, `frontdoor fmt` and `frontdoor eval` with one diagnostic at the place the limit
is passed and a failing exit status, the one the command gives for any other syntax error: never a
crash (a signal), never a hang, never exit 0.
"""
import os
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

LIMIT = 64
HEADER = """pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  count: integer
  flag: boolean
input x: r
output times in office
  v = v
let v = x.count [source "s"]
"""
PREFIX = "let deep: boolean = "
# Each case: the deep line 12, and the 1-based column of the first expression past the limit.
CASES = {
    "not": (PREFIX + "not " * 100000 + "true", len(PREFIX) + 4 * (LIMIT + 1) + 1),
    "if": (PREFIX + "if true then true else " * 5000 + "true", len(PREFIX) + 23 * LIMIT + 3 + 1),
    "brackets": (PREFIX + "(" * 100000 + "true" + ")" * 100000, len(PREFIX) + LIMIT + 1 + 1),
    "fields": ("let deep = x" + ".a" * 100000, len("let deep = x") + 2 * LIMIT + 2),
}
MESSAGE = f"error: this expression nests more than {LIMIT} levels deep (the limit)"


def run(cli, *args):
    try:
        done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after 60 s"
    return done.returncode, done.stdout, done.stderr


def main():
    cli = parse_args(rules=False).cli
    with tempfile.TemporaryDirectory() as scratch:
        contact = os.path.join(scratch, "contact.json")
        with open(contact, "w") as out:
            out.write('{"count": 1, "flag": true}\n')
        ordinary = os.path.join(scratch, "ordinary")
        os.mkdir(ordinary)
        with open(os.path.join(ordinary, "pack.rules"), "w") as out:
            out.write(HEADER + PREFIX + "(true\n")
        commands = {"check": ["check"], "fmt": ["fmt"], "eval": ["eval", contact, "--rules"]}
        expected = {}
        for command, args in commands.items():
            code, _, err = run(cli, *args, ordinary)
            check(code is not None and code > 0, f"frontdoor {command} on a syntax error exits non-zero, got {code}")
            expected[command] = code
        for name, (line, column) in CASES.items():
            pack = os.path.join(scratch, name)
            os.mkdir(pack)
            with open(os.path.join(pack, "pack.rules"), "w") as out:
                out.write(HEADER + line + "\n")
            where = f"{pack}/pack.rules:12:{column}: {MESSAGE}"
            for command, args in commands.items():
                code, out, err = run(cli, *args, pack)
                said = out + err
                status = expected[command]
                check(code == status, f"{name}: frontdoor {command} exits {status} as on a syntax error, got {code} ({err[:200]!r})")
                check(said.count(": error: ") == 1, f"{name}: frontdoor {command} prints exactly one error")
                check(where in said, f"{name}: frontdoor {command} prints {where!r}, got {said[:300]!r}")
    finish("nesting limit: check, eval and fmt refuse every case with one diagnostic")


if __name__ == "__main__":
    main()
