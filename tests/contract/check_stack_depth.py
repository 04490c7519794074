#!/usr/bin/env python3
"""Deep input never crashes the CLI (docs/security.md, "Nesting"): a chain of 500 definitions, each
nesting 62 levels and reading the next, is refused by `frontdoor check` and `frontdoor eval` with
one diagnostic at the definition past the evaluation depth limit (exit status 4); JSON nested
100,000 deep, as a walkthrough's scenario or contact, a what-if value, or a scenario file of
`frontdoor test`, is refused with a message naming the 256-level limit. Never a signal, never a
hang, never exit 0.
"""
import os
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

EVALUATION_LIMIT = 128
JSON_LIMIT = 256
HEADER = """pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record r
  count: integer
  flag: boolean
input x: r
output times in office
  v = d499

"""


def run(cli, *args):
    try:
        done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after 120 s"
    return done.returncode, done.stdout, done.stderr


def chain_pack(directory):
    os.mkdir(directory)
    lines = []
    for i in range(500):
        read = "x.flag" if i == 0 else f"d{i - 1}"
        lines.append(f"let d{i}: boolean = " + "not " * 62 + read + ' [source "s"]')
    with open(os.path.join(directory, "pack.rules"), "w") as out:
        out.write(HEADER + "\n".join(lines) + "\n")
    # d0 is 64 levels (x.flag is two), each after it 63: the first past the limit.
    past = 0
    while 64 + 63 * past <= EVALUATION_LIMIT:
        past += 1
    return past, 64 + 63 * past


def check_chain(cli, scratch, contact):
    pack = os.path.join(scratch, "chain")
    past, levels = chain_pack(pack)
    where = (f"{pack}/pack.rules:{12 + past}:5: error: 'd{past}' depends on a chain of {past + 1} definitions "
             f"nested {levels} levels in all; the limit is {EVALUATION_LIMIT}")
    for args in (["check", pack], ["eval", "--rules", pack, contact]):
        code, out, err = run(cli, *args)
        said = out + err
        check(code == 4, f"frontdoor {args[0]} on the 500-definition chain exits 4, got {code} ({err[-200:]!r})")
        check(said.count(": error: ") == 1, f"frontdoor {args[0]} prints exactly one error")
        check(where in said, f"frontdoor {args[0]} prints {where!r}, got {said[:300]!r}")


def check_json(cli, rules, scratch):
    deep = "[" * 100000 + "]" * 100000
    scenario = os.path.join(scratch, "deep-scenario.json")
    with open(scenario, "w") as out:
        out.write('{"scenario": "deep", "contact": ' + deep + ', "expect": {}}\n')
    code, out, err = run(cli, "walkthrough", "--rules", rules, scenario)
    check(code == 1, f"walkthrough of a scenario whose contact nests 100,000 deep exits 1, got {code} ({err[-200:]!r})")
    check(f"nests deeper than {JSON_LIMIT} levels" in out, f"the walkthrough says it is refused for nesting, got {out[:300]!r}")

    contact = os.path.join(scratch, "deep-contact.json")
    with open(contact, "w") as out:
        out.write('{"a": ' * 100000 + "1" + "}" * 100000 + "\n")
    code, out, err = run(cli, "walkthrough", "--rules", rules, contact, "--what-if", "/b=1")
    check(code == 2, f"a what-if on a contact nested 100,000 deep exits 2, got {code} ({err[-200:]!r})")
    check(f"the input nests deeper than {JSON_LIMIT} levels (the limit)" in err, f"the what-if says why, got {err[:300]!r}")

    ordinary = os.path.join(rules, "scenarios", sorted(os.listdir(os.path.join(rules, "scenarios")))[0])
    code, out, err = run(cli, "walkthrough", "--rules", rules, ordinary, "--what-if", "/indicators=" + "[" * 60000 + "]" * 60000)
    check(code == 2, f"a what-if value nested 60,000 deep exits 2, got {code} ({err[-200:]!r})")
    check(f"the value for /indicators nests deeper than {JSON_LIMIT} levels (the limit)" in err,
          f"the what-if value is refused for nesting, got {err[:300]!r}")

    pack = os.path.join(scratch, "scenarios-pack")
    os.mkdir(pack)
    for name in os.listdir(rules):
        if os.path.isfile(os.path.join(rules, name)):
            with open(os.path.join(rules, name), "rb") as source, open(os.path.join(pack, name), "wb") as copy:
                copy.write(source.read())
    os.mkdir(os.path.join(pack, "scenarios"))
    with open(os.path.join(pack, "scenarios", "deep.json"), "w") as out:
        out.write('{"scenario": "deep", "contact": {}, "expect": ' + deep + "}\n")
    code, out, err = run(cli, "test", pack)
    check(code == 1, f"frontdoor test with a scenario file nested 100,000 deep exits 1, got {code} ({err[-200:]!r})")
    check(f"not a scenario: it nests deeper than {JSON_LIMIT} levels (the limit)" in out, f"the test says why, got {out[:300]!r}")


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        contact = os.path.join(scratch, "contact.json")
        with open(contact, "w") as out:
            out.write('{"count": 1, "flag": true}\n')
        check_chain(args.cli, scratch, contact)
        check_json(args.cli, args.rules, scratch)
    finish("stack depth: deep definition chains and deep JSON are refused, never a crash")


if __name__ == "__main__":
    main()
