#!/usr/bin/env python3
"""What a pack may read (issue 11, section 1), as a user of `frontdoor check` and `eval --record`
sees it: data files come from the rules' syntax, not from comments; a path that leaves the pack is
an error at its file:line:col; an unreadable file is an error naming it, even for root.
"""
import json
import os
import shutil
import subprocess
import tempfile

from contract_harness import check, finish, parse_args

MARKER = "frontdoor-pack-files-secret-7f3a9c"
HOLIDAYS = json.dumps({"england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "Christmas Day", "date": "2024-12-25", "notes": "", "bunting": True}]}})


def run(cli, *args, stdin=None, prefix=()):
    env = dict(os.environ, FRONTDOOR_TEST_SECRET=MARKER)
    done = subprocess.run([*prefix, cli, *args], capture_output=True, text=True, input=stdin, env=env, timeout=60)
    return done.returncode, done.stdout, done.stderr


def rules(data_name, comment=""):
    return ('pack p version "1" [source "t"]\n' + comment +
            'calendar office\n  timezone "UTC" rules "UTC0"\n  open monday to friday 09:00 to 17:00\n'
            '  holidays from "' + data_name + '" division "england-and-wales"\n'
            'record item\n  count: integer\ninput x: item\n'
            'let doubled: integer = x.count + x.count [source "s"]\n'
            'output times in office\n  doubled = doubled\n')


def make_pack(root, name, rule_text):
    pack = os.path.join(root, name)
    os.makedirs(pack)
    with open(os.path.join(pack, "p.rules"), "w") as f:
        f.write(rule_text)
    with open(os.path.join(pack, "h.json"), "w") as f:
        f.write(HOLIDAYS)
    return pack


def digest_of(cli, pack, log):
    code, out, err = run(cli, "eval", "--rules", pack, "--record", log, "-", stdin='{"count": 2}\n')
    check(code == 0, f"eval --record on {pack} exits 0 (got {code}: {err})")
    with open(log, "rb") as f:
        check(MARKER.encode() not in f.read(), f"the environment is not in the decision log {log}")
    try:
        return json.loads(out)["ruleset"]
    except (ValueError, KeyError):
        check(False, f"eval prints a decision with its ruleset (got {out!r})")
        return None


def comments_are_not_read(cli, root):
    commented = make_pack(root, "commented", rules("h.json", '# holidays from "/proc/self/environ"\n'))
    plain = make_pack(root, "plain", rules("h.json", "#\n"))
    code, out, err = run(cli, "check", commented)
    check(code == 0, f"check on a pack naming /proc/self/environ in a comment is ok (got {code}: {err})")
    a = digest_of(cli, commented, os.path.join(root, "commented.db"))
    b = digest_of(cli, plain, os.path.join(root, "plain.db"))
    check(a is not None and b is not None and a != b, "the two packs differ only in a comment's text")
    with open(os.path.join(commented, "notes.json"), "w") as f:
        f.write("{}")
    with open(os.path.join(commented, "p.rules"), "a") as f:
        f.write('# holidays from "notes.json"\n')
    before = digest_of(cli, commented, os.path.join(root, "commented2.db"))
    os.remove(os.path.join(commented, "notes.json"))
    after = digest_of(cli, commented, os.path.join(root, "commented3.db"))
    check(before == after, f"a file named only in a comment does not change the digest ({before} vs {after})")


def bad_paths_are_errors(cli, root):
    with open(os.path.join(root, "outside.json"), "w") as f:
        f.write(HOLIDAYS)
    cases = {
        "/etc/passwd": "is an absolute path; name a file inside the pack directory, relative to it",
        "../outside.json": "has a '..' component; name a file inside the pack directory without '.' or '..'",
        "link.json": "resolves to a file outside the pack directory",
    }
    for i, (name, why) in enumerate(cases.items()):
        pack = make_pack(root, f"bad{i}", rules(name))
        os.symlink(os.path.join(root, "outside.json"), os.path.join(pack, "link.json"))
        expected = (f"{pack}/p.rules:5:17: error: the holiday file '{name}' {why}\n"
                    f"    holidays from \"{name}\" division \"england-and-wales\"\n"
                    f"                  ^{'~' * (len(name) + 1)}\n")
        for command in (["check", pack], ["eval", "--rules", pack, "--record", os.path.join(root, f"bad{i}.db"), "-"]):
            code, out, err = run(cli, *command, stdin='{"count": 2}\n')
            check(code != 0 and code != 3 and code != 70, f"{command[0]} on {name}: a failure status, not 0/3/70 (got {code})")
            check(err.startswith(expected), f"{command[0]} on {name}: the error at file:line:col\n  want {expected!r}\n  got  {err!r}")
            check("internal error" not in err, f"{command[0]} on {name}: not an internal error")


def unreadable_files_are_errors(cli, root):
    setpriv = shutil.which("setpriv")
    as_nobody = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups") if os.geteuid() == 0 and setpriv else ()
    if os.geteuid() == 0 and not setpriv:
        print("SKIP unreadable files: running as root without setpriv (util-linux), so no file is unreadable")
        return
    os.chmod(root, 0o755)
    pack = make_pack(root, "unreadable", rules("h.json"))
    os.chmod(pack, 0o755)
    for name in ("p.rules", "h.json"):
        os.chmod(os.path.join(pack, name), 0o644)
    os.chmod(os.path.join(pack, "h.json"), 0)
    code, out, err = run(cli, "check", pack, prefix=as_nobody)
    expected = f"{pack}/p.rules:5:17: error: the holiday file 'h.json' cannot be read: Permission denied\n"
    check(code != 0 and code != 70 and err.startswith(expected), f"unreadable data file\n  want {expected!r}\n  got  {code} {err!r}")
    os.chmod(os.path.join(pack, "h.json"), 0o644)
    os.chmod(os.path.join(pack, "p.rules"), 0)
    code, out, err = run(cli, "check", pack, prefix=as_nobody)
    expected = f"{pack}/p.rules: error: the rule file 'p.rules' cannot be read: Permission denied\n"
    check(code != 0 and code != 70 and err.startswith(expected), f"unreadable rule file\n  want {expected!r}\n  got  {code} {err!r}")
    os.chmod(os.path.join(pack, "p.rules"), 0o644)
    os.chmod(pack, 0o311)
    code, out, err = run(cli, "check", pack, prefix=as_nobody)
    expected = f"{pack}: error: the pack directory cannot be read: Permission denied\n"
    check(code != 0 and code != 70 and err.startswith(expected), f"unreadable pack directory\n  want {expected!r}\n  got  {code} {err!r}")
    os.chmod(pack, 0o755)


def fifo_does_not_block(cli, root):
    pack = make_pack(root, "fifo", rules("h.json"))
    os.mkfifo(os.path.join(pack, "pipe.rules"))
    code, out, err = run(cli, "check", pack)
    expected = f"{pack}/pipe.rules: error: the rule file 'pipe.rules' is a FIFO (named pipe), not a regular file\n"
    check(code != 0 and code != 70 and err.startswith(expected), f"a FIFO named *.rules\n  want {expected!r}\n  got  {code} {err!r}")


def repeated_holiday_fields_are_errors(cli, root):
    """A holiday file that gives a field twice in one object (a division pasted in again at the end,
    an event with two dates) is an error at the rule naming it: nlohmann kept the last, so the first
    division's holidays were silently dropped and `check` said ok."""
    event = '{"title": "Christmas Day", "date": "2024-12-25"}'
    for name, text in (
            ("division", '{"england-and-wales": {"events": [%s]}, "england-and-wales": {"events": []}}' % event),
            ("date", '{"england-and-wales": {"events": [{"title": "Christmas Day", "date": "2024-12-25", '
                     '"date": "2024-12-26"}]}}')):
        pack = make_pack(root, "repeated-" + name, rules("h.json"))
        with open(os.path.join(pack, "h.json"), "w") as f:
            f.write(text)
        code, out, err = run(cli, "check", pack)
        field = "england-and-wales" if name == "division" else "date"
        expected = f'p.rules:5:3: error: cannot read holidays from \'h.json\': the bank-holidays file gives "{field}" twice'
        check(code == 4 and expected in err, f"a holiday file with {name} twice\n  want {expected!r}\n  got  {code} {err!r}")


def main():
    args = parse_args(rules=False)
    root = tempfile.mkdtemp(prefix="frontdoor-pack-files-")
    try:
        comments_are_not_read(args.cli, root)
        bad_paths_are_errors(args.cli, root)
        fifo_does_not_block(args.cli, root)
        unreadable_files_are_errors(args.cli, root)
        repeated_holiday_fields_are_errors(args.cli, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
