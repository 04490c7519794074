#!/usr/bin/env python3
"""A field given twice in one object of JSON that `frontdoor test` and `walkthrough` read with
nlohmann is refused, as the contact reader refuses it, never resolved by keeping the last:

- a scenario file with "expect" twice (a wrong expectation, then the decision) passed `test`, and
  one whose expectation gave "outcome" twice checked only the second; now each is "not a scenario:
  it gives the field '...' twice in one object" and fails (exit 1);
- a `walkthrough --what-if` value with a field twice was taken with its last value, and a contact
  with a field twice (refused as it is) was decided once any what-if had re-written it; now each is
  a usage error naming the field (exit 2).
"""
import json
import os
import subprocess
import tempfile

from contract_harness import check, finish, parse_args


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout, done.stderr


def main():
    options = parse_args()
    cli, rules = options.cli, options.rules
    source = os.path.join(rules, "scenarios", sorted(os.listdir(os.path.join(rules, "scenarios")))[0])
    with open(source) as f:
        scenario = json.load(f)
    expect = json.dumps(scenario["expect"])
    contact = json.dumps(scenario["contact"])
    with tempfile.TemporaryDirectory() as root:
        folder = os.path.join(root, "scenarios")
        os.mkdir(folder)
        texts = {
            "expect-twice.json": '{"contact": %s, "expect": {"outcome": "nonsense"}, "expect": %s}' % (contact, expect),
            "outcome-twice.json": '{"contact": %s, "expect": {"outcome": "nonsense", %s}' % (contact, expect[1:]),
        }
        for name, text in texts.items():
            with open(os.path.join(folder, name), "w") as f:
                f.write(text)
        code, out, err = run(cli, "test", "--rules", rules, "--scenarios", folder)
        check(code == 1 and "0 passed, 2 failed" in out and
              "not a scenario: it gives the field 'expect' twice in one object" in out and
              "not a scenario: it gives the field 'outcome' twice in one object" in out,
              f"test fails both scenarios naming the field, got {code} {out[-600:]!r} {err[:200]!r}")

        unit = 'child.open_case={"since": "2023-11-20", "unit": "A", "unit": "B"}'
        code, out, err = run(cli, "walkthrough", "--rules", rules, source, "--what-if", unit)
        check(code == 2 and "the value for /child/open_case gives the field 'unit' twice in one object" in err,
              f"a what-if value with 'unit' twice is refused (exit 2), got {code} {err[:300]!r}")
        code, out, err = run(cli, "walkthrough", "--rules", rules, source, "--what-if", unit.replace(', "unit": "B"', ""))
        check(code == 0, f"the same value with 'unit' once is walked through, got {code} {err[:300]!r}")

        repeated = os.path.join(root, "contact.json")
        with open(repeated, "w") as f:
            f.write(contact[:-1] + ', "contact_id": "SECOND"}')
        code, out, err = run(cli, "eval", "--rules", rules, repeated)
        check(code == 1 and "given twice" in out, f"eval refuses the contact with a field twice, got {code} {out[:200]!r}")
        code, out, err = run(cli, "walkthrough", "--rules", rules, repeated, "--what-if", "channel=\"phone\"")
        check(code == 2 and "the input gives the field 'contact_id' twice in one object" in err,
              f"a what-if on it is refused, never decided (exit 2), got {code} {err[:300]!r} {out[-300:]!r}")
    finish()


if __name__ == "__main__":
    main()
