#!/usr/bin/env python3
"""Text in a rule file that must not pass silently (a policy lead's file is untrusted input):

- a file saved with CR-only line ends (old Mac) is one line, read whole as the comment it starts
  with, so its declarations were silently left out of the pack (`check` said ok); now an error at
  the first CR that does not end a line. CRLF files still load as LF files do;
- the pack's version is sent in a header of every response of the decision service: a version
  holding a new line (`\\n`) added headers of its own (`Set-Cookie: ...`) to the responses, a NUL
  or a tab went out as they were; now an error at the version, and `serve` refuses the pack.
"""
import os
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

PACK = ('pack p version "VERSION" [source "t"]\n'
        'calendar office\n  timezone "UTC" rules "UTC0"\n  open monday to friday 09:00 to 17:00\n'
        'record item\n  count: integer\ninput x: item\n'
        'let doubled: integer = x.count + x.count [source "s"]\n'
        'output times in office\n  doubled = doubled\n')
# A second file, read by nothing else: left out of the pack, nothing would say so; read, its type
# error is reported.
EXTRA = '# The doubled count.\nlet broken: integer = "not a number" [source "s"]\n'


def run(cli, *args):
    """Exit status, output and error; a command still running after 20 s (a server that took the
    pack) is killed and reported as exit status None."""
    try:
        done = subprocess.run([cli, *args], capture_output=True, text=True, errors="replace", timeout=20)
    except subprocess.TimeoutExpired as expired:
        return None, str(expired.stdout or ""), str(expired.stderr or "")
    return done.returncode, done.stdout, done.stderr


def make_pack(root, name, version="1", extra=EXTRA, line_end="\n"):
    pack = os.path.join(root, name)
    os.makedirs(pack)
    with open(os.path.join(pack, "p.rules"), "w", newline="") as f:
        f.write(PACK.replace("VERSION", version))
    with open(os.path.join(pack, "extra.rules"), "w", newline="") as f:
        f.write(extra.replace("\n", line_end))
    return pack


def main():
    cli = parse_args(rules=False).cli
    with tempfile.TemporaryDirectory() as root:
        # The same file with LF, CRLF and CR-only line ends: the first two report its type error,
        # the third must not pass as a pack without it.
        for name, line_end in (("lf", "\n"), ("crlf", "\r\n")):
            code, out, err = run(cli, "check", make_pack(root, name, line_end=line_end))
            check(code == 4 and "extra.rules:2:" in err and "not a number" in err,
                  f"{name}: check reports the type error on line 2 (exit 4), got {code} {err[:300]!r}")
        cr_only = make_pack(root, "cr", line_end="\r")
        code, out, err = run(cli, "check", cr_only)
        check(code == 4 and "extra.rules:1:21: error: a carriage return (CR) that does not end a line" in err,
              f"CR-only: check refuses at the first CR (extra.rules:1:21, exit 4), got {code} {out[:200]!r} "
              f"{err[:300]!r}")
        code, out, err = run(cli, "eval", "--rules", cr_only, os.devnull)
        check(code == 4 and "carriage return" in err, f"CR-only: eval does not load the pack, got {code} {err[:300]!r}")
        good = make_pack(root, "good", extra='# Nothing more.\n', line_end="\r\n")
        code, out, err = run(cli, "check", good)
        check(code == 0, f"a clean pack checks ok, got {code} {err[:300]!r}")

        # A version with a new line, a NUL or a tab is refused at the version's text.
        for name, version in (("newline", "1\\nSet-Cookie: evil=1"), ("nul", "1\0"), ("tab", "1\t2")):
            pack = make_pack(root, "v-" + name, version=version, extra="# Nothing more.\n")
            code, out, err = run(cli, "check", pack)
            check(code == 4 and "p.rules:1:16: error: the pack's version holds a control character" in err and
                  "Set-Cookie" not in out,
                  f"version with a {name}: check refuses it at p.rules:1:16 (exit 4), got {code} {out[:200]!r} "
                  f"{err[:300]!r}")
            code, out, err = run(cli, "serve", "--rules", pack, "--no-auth", "--listen", "127.0.0.1:0")
            check(code == 4 and "control character" in err and "listening" not in out,
                  f"version with a {name}: serve refuses the pack (exit 4), got {code} {out[:200]!r} {err[:300]!r}")
    finish()


if __name__ == "__main__":
    main()
