#!/usr/bin/env python3
"""`frontdoor check --strict` (issue #14 section 1): the analysis warnings of a pack that loads are
errors with --strict, printed with their carets, and the exit status is that of a pack with errors
(4); without --strict the same pack loads (0) with the same messages as warnings. The Hackney pack
checks clean: no warning at all, with or without --strict.
"""
import os
import shutil
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

TIMEOUT = 120


def run(cli, *args, cwd=None):
    done = subprocess.run([cli, *args], capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT)
    return done.returncode, done.stdout, done.stderr


GAP_PACK = """pack t version "1"
calendar office
  timezone "UTC" rules "UTC0"
  open monday to friday 09:00 to 17:00
enum rag = "red" | "amber" | "green"
record r
  rag: rag
input x: r
output times in office
  v = v
decision v: integer (first match)
  4 when x.rag = "red" [source "s"]
  2 when x.rag = "amber" [source "s"]
  1 otherwise [source "s"]
"""

GAP_DIAGNOSTIC = """pack/pack.rules:14:3: {severity}: no row above covers some inputs, which get only this 'otherwise' value
    1 otherwise [source "s"]
    ^~~~~~~~~~~~~~~~~~~~~~~~
  note: e.g. x.rag = "green"
"""


def check_strict(cli, scratch):
    os.makedirs(os.path.join(scratch, "pack"))
    with open(os.path.join(scratch, "pack", "pack.rules"), "w") as f:
        f.write(GAP_PACK)
    code, out, err = run(cli, "check", "pack", cwd=scratch)
    check(code == 0 and out.startswith("ok: t version 1"), f"check without --strict loads the pack: got {code} {out!r}")
    check(err == GAP_DIAGNOSTIC.format(severity="warning"), f"check without --strict warns about the gap: got {err!r}")
    code, out, err = run(cli, "check", "--strict", "pack", cwd=scratch)
    check(code == 4, f"check --strict exits 4 on a warning: got {code}")
    check(out == "", f"check --strict prints no 'ok' line for a pack with a warning: got {out!r}")
    expected = GAP_DIAGNOSTIC.format(severity="error") + "1 error in pack (warnings count as errors with --strict)\n"
    check(err == expected, f"check --strict reports the warning as an error: got {err!r}")


def check_hackney(cli, rules):
    for args in (["check", rules], ["check", "--strict", rules]):
        code, out, err = run(cli, *args)
        check(code == 0 and out.startswith("ok: hackney_mash version "), f"frontdoor {' '.join(args)}: got {code} {out!r}")
        check(err == "", f"frontdoor {' '.join(args)} prints no warning: got {err!r}")


def main():
    args = parse_args()
    scratch = tempfile.mkdtemp(prefix="frontdoor-strict-")
    try:
        check_strict(args.cli, scratch)
        check_hackney(args.cli, args.rules)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
