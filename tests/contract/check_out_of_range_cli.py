"""`frontdoor eval` on a contact whose arithmetic overflows (issue #11): a refusal line naming the
expression, its file:line:col and its definition, and exit status 1; never a wrapped value.

Usage: check_out_of_range_cli.py --cli build/frontdoor. Exit status 1 on any failure."""
import json
import pathlib
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

RULES = """pack arithmetic version "1" [source "test"]
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
record doc
  n: integer
  at: datetime
  on: date
input x: doc
output times in office
  total = total
  later = x.at + 2562047788015215 hours
  due = x.on + 1 months
let total = x.n + x.n [source "s"]
"""

CASES = [  # the contact's fields, the refusal message expected
    ({"n": 9223372036854775807, "at": "2024-01-01T00:00:00Z", "on": "2024-01-31"},
     "cannot decide: integer overflow in 'x.n + x.n' (pack/pack.rules:14:13, definition 'total')"),
    ({"n": 1, "at": "2024-01-01T00:00:00Z", "on": "2024-01-31"},
     "cannot decide: a time outside the years 0000 to 9999 in 'x.at + 2562047788015215 hours' "
     "(pack/pack.rules:12:11, output field 'later')"),
]


def main():
    args = parse_args(rules=False)
    args.cli = str(pathlib.Path(args.cli).resolve())
    with tempfile.TemporaryDirectory() as work:
        (pathlib.Path(work) / "pack").mkdir()
        (pathlib.Path(work) / "pack" / "pack.rules").write_text(RULES)
        for contact, message in CASES:
            (pathlib.Path(work) / "contact.json").write_text(json.dumps(contact))
            run = subprocess.run([args.cli, "eval", "--rules", "pack", "contact.json"], cwd=work,
                                 capture_output=True, text=True, timeout=60)
            expected = {"error": {"path": "", "message": message}}
            lines = run.stdout.splitlines()
            check(run.returncode == 1 and len(lines) == 1 and json.loads(lines[0]) == expected,
                  f"exit {run.returncode}, stdout {run.stdout!r}, stderr {run.stderr!r}; expected exit 1 and {expected}")
    finish("out-of-range refusals: ok")


if __name__ == "__main__":
    main()
