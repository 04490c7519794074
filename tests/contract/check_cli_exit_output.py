#!/usr/bin/env python3
"""What a script or an operator sees when something fails (issue #11 sections 3 to 5): one exit
status per kind of failure, for every command (bindings/cli/exit_status.hpp); a failed write to
standard output is exit status 5, never a silent 0; the decision log refuses to be written when its
layout is not the one Frontdoor makes, and `audit verify` says so; log names are plain file paths;
text shown on a terminal or in Markdown has its control and bidirectional characters escaped.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contact_corpus import valid_contacts  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402

TIMEOUT = 120


def run(cli, *args, stdin=None, cwd=None):
    done = subprocess.run([cli, *args], capture_output=True, text=True, input=stdin, cwd=cwd, timeout=TIMEOUT)
    return done.returncode, done.stdout, done.stderr


def shell(command, stdin_path):
    """Runs `command` with sh, standard input from a file; returns the status and standard error."""
    with open(stdin_path, "rb") as stdin:
        done = subprocess.run(["sh", "-c", command], stdin=stdin, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=TIMEOUT)
    return done.returncode, done.stderr


def records_in(log):
    db = sqlite3.connect(log)
    try:
        return db.execute("SELECT count(*) FROM records").fetchone()[0]
    finally:
        db.close()


def check_statuses(cli, rules, scratch, contact):
    code, out, _ = run(cli, "--help")
    for status in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "70 "):
        check(code == 0 and f"\n  {status}" in out, f"frontdoor --help lists exit status {status.strip()}")
    broken = os.path.join(scratch, "broken")
    os.makedirs(broken)
    with open(os.path.join(broken, "pack.rules"), "w") as f:
        f.write("pack broken version \"1\" [source \"x\"]\nlet x: integer = y [source \"x\"]\n")
    for args in (["check", broken], ["schema", "--rules", broken], ["graph", "--rules", broken], ["test", broken],
                 ["eval", "--rules", broken, contact], ["walkthrough", "--rules", broken, contact],
                 ["replay", "--contacts", contact, "--rules", broken, "--with-rules", rules]):
        code, _, err = run(cli, *args)
        check(code == 4 and "error" in err, f"frontdoor {args[0]} with a pack that does not load exits 4, got {code}")
    not_a_log = os.path.join(scratch, "notes.txt")
    with open(not_a_log, "w") as f:
        f.write("not a log\n")
    code, _, err = run(cli, "eval", "--rules", rules, "--record", not_a_log, contact)
    check(code == 3 and "not a Frontdoor decision log" in err, f"eval --record on a file that is not a log exits 3, got {code}")
    missing = os.path.join(scratch, "missing.db")
    for args in (["audit", "verify", "--log", missing], ["audit", "show", "--log", missing, "--record", "1"],
                 ["replay", "--log", missing]):
        code, _, err = run(cli, *args)
        check(code == 3 and "no decision log at" in err, f"frontdoor {' '.join(args[:2])} of a missing log exits 3, got {code}")


def check_failed_output(cli, rules, scratch, contacts_file):
    # A full device: every command's output is checked, and the message names standard output.
    for args in ([f"eval --rules {rules} --jsonl", contacts_file], [f"check {rules}", None],
                 [f"schema --rules {rules}", None], [f"test {rules}", None]):
        code, err = shell(f"{cli} {args[0]} >/dev/full", args[1] or contacts_file)
        check(code == 5 and "standard output" in err,
              f"frontdoor {args[0].split()[0]} >/dev/full exits 5 naming standard output, got {code} {err!r}")
    # Standard output closed: refused before anything is decided.
    code, err = shell(f"{cli} eval --rules {rules} --jsonl >&-", contacts_file)
    check(code == 5 and "standard output" in err, f"eval with standard output closed exits 5, got {code} {err!r}")
    # A reader that stops early: a broken pipe is a failed write, not a silent end.
    with open(contacts_file, "rb") as stdin:
        process = subprocess.Popen([cli, "eval", "--rules", rules, "--jsonl"], stdin=stdin,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = process.stdout.read(1)
        process.stdout.close()
        err = process.stderr.read().decode()
        code = process.wait(timeout=TIMEOUT)
    check(first == b"{" and code == 5 and "Broken pipe" in err, f"eval into a closed pipe exits 5, got {code} {err!r}")
    # With a log: the group whose printing failed (up to 256 decisions, fewer when their lines reach
    # about 1 MB) is the last one recorded; nothing after it is.
    log = os.path.join(scratch, "full.db")
    code, err = shell(f"{cli} eval --rules {rules} --jsonl --record {log} >/dev/full", contacts_file)
    recorded = records_in(log) if os.path.exists(log) else -1
    check(code == 5 and 0 < recorded <= 256, f"eval --record >/dev/full exits 5 with one group recorded, got {code}, {recorded}")
    code, out, _ = run(cli, "audit", "verify", "--log", log)
    check(code == 0, f"the log of a failed print verifies: {out}")


def planted(log, scratch, name, statement):
    copy = os.path.join(scratch, name + ".db")
    shutil.copy(log, copy)
    db = sqlite3.connect(copy)
    db.executescript(statement)
    db.commit()
    db.close()
    return copy


def check_log_layout(cli, rules, scratch, contacts):
    log = os.path.join(scratch, "layout.db")
    code, _, _ = run(cli, "eval", "--rules", rules, "--jsonl", "--record", log, stdin="\n".join(contacts[:5]) + "\n")
    check(code == 0 and records_in(log) == 5, "a log of five records to tamper with")
    changes = {
        "trigger": ("CREATE TRIGGER drop_new AFTER INSERT ON records BEGIN DELETE FROM records WHERE id = new.id; END;",
                    "trigger 'drop_new'"),
        "view": ("CREATE VIEW everything AS SELECT * FROM records;", "view 'everything'"),
        "index": ("CREATE INDEX records_by_hash ON records (hash);", "index 'records_by_hash'"),
        "column": ("ALTER TABLE records ADD COLUMN note TEXT;", "table 'records'"),
    }
    for name, (statement, named) in changes.items():
        copy = planted(log, scratch, name, statement)
        code, out, err = run(cli, "eval", "--rules", rules, "--jsonl", "--record", copy, stdin=contacts[5] + "\n")
        check(code == 3 and named in err and out == "" and records_in(copy) == 5,
              f"eval --record on a log with a planted {name} is refused with exit 3 naming it, got {code} {err!r}")
        code, out, _ = run(cli, "audit", "verify", "--log", copy)
        check(code == 1 and out.startswith("broken: ") and named in out,
              f"audit verify reports a planted {name}, got {code} {out!r}")
        code, _, err = run(cli, "replay", "--log", copy)
        check(code == 1 and "WARNING" in err and named in err, f"replay warns of a planted {name}, got {code} {err!r}")
        code, out, err = run(cli, "audit", "show", "--log", copy, "--record", "1")
        check(code == 1 and "WARNING" in err and named in err and "WARNING" in out,
              f"audit show warns of a planted {name}, got {code} {err!r}")
    # Names are plain file paths, in the current directory when relative; never SQLite URIs or a
    # database in memory.
    for name in ("file:x.db", ":memory:"):
        code, _, err = run(cli, "eval", "--rules", rules, "--jsonl", "--record", name, stdin=contacts[0] + "\n", cwd=scratch)
        path = os.path.join(scratch, name)
        check(code == 0 and os.path.isfile(path) and records_in(path) == 1,
              f"eval --record {name} makes the plain file {name} with the record, got {code} {err!r}")
        code, out, _ = run(cli, "audit", "verify", "--log", name, cwd=scratch)
        check(code == 0 and out.startswith("ok: 1 record"), f"audit verify --log {name} reads that file, got {code} {out!r}")
    check(not os.path.exists(os.path.join(scratch, "x.db")), "file:x.db is not taken as a URI naming x.db")


def check_escaped_text(cli, rules, scratch):
    with open(os.path.join(rules, "scenarios", "003-open-case-concern-goes-to-unit.json")) as f:
        contact = json.load(f)["contact"]
    contact["child"]["open_case"]["unit"] = "Unit \u001b[31m5\u202e (Hackney South)"
    path = os.path.join(scratch, "escapes.json")
    with open(path, "w") as f:
        json.dump(contact, f)
    for form in ("text", "md"):
        code, out, _ = run(cli, "walkthrough", "--rules", rules, path, "--format", form)
        check(code == 0 and "\u001b" not in out and "\u202e" not in out and "\\u{1b}[31m5\\u{202e}" in out,
              f"walkthrough --format {form} escapes ESC and U+202E, got {code}")
    log = os.path.join(scratch, "escapes.db")
    code, _, _ = run(cli, "eval", "--rules", rules, "--record", log, path)
    for form in ("text", "md"):
        code, out, _ = run(cli, "audit", "show", "--log", log, "--record", "1", "--format", form)
        check(code == 0 and "\u001b" not in out and "\u202e" not in out and "\\u{202e}" in out,
              f"audit show --format {form} escapes ESC and U+202E, got {code}")


def main():
    options = parse_args()
    cli, rules = os.path.abspath(options.cli), os.path.abspath(options.rules)
    contacts = [json.dumps(c, ensure_ascii=False) for c in valid_contacts(11, 600)]
    with tempfile.TemporaryDirectory() as scratch:
        contacts_file = os.path.join(scratch, "contacts.jsonl")
        with open(contacts_file, "w") as f:
            f.write("\n".join(contacts) + "\n")
        contact = os.path.join(rules, "scenarios", "003-open-case-concern-goes-to-unit.json")
        check_statuses(cli, rules, scratch, contact)
        check_failed_output(cli, rules, scratch, contacts_file)
        check_log_layout(cli, rules, scratch, contacts)
        check_escaped_text(cli, rules, scratch)
    finish()


if __name__ == "__main__":
    main()
