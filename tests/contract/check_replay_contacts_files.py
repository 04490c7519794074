#!/usr/bin/env python3
"""`frontdoor replay --contacts A --contacts B ... --rules OLD --with-rules NEW` (issue 16): several
contacts files assessed as one input, in the order given. What a user sees: with one file each
contact is "line N", as ever; with several, "FILE line N" with the file as given, in the text and
JSON reports, refused lines too; the report is the one the files' lines give concatenated, labels
apart; a file that cannot be opened is named, exit 5, no report.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from contact_corpus import valid_contacts  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402

RUN_SECONDS = 120


def replay(cli, rules, changed, files, *more, cwd):
    arguments = [cli, "replay", "--rules", rules, "--with-rules", changed]
    for name in files:
        arguments += ["--contacts", name]
    done = subprocess.run([*arguments, *more], capture_output=True, text=True, cwd=cwd, timeout=RUN_SECONDS)
    return done.returncode, done.stdout, done.stderr


def candidate_pack(rules, scratch):
    """The pack with two level-2 indicators enough for level 3, instead of three, and a referral
    source "11" that the pack in use refuses."""
    changed = os.path.join(scratch, "changed")
    shutil.copytree(rules, changed, ignore=shutil.ignore_patterns("scenarios"))
    path = os.path.join(changed, "thresholds.rules")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check("let level_2_indicators_for_level_3 = 3" in text, "the Hackney pack's level-3 threshold is where expected")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("let level_2_indicators_for_level_3 = 3", "let level_2_indicators_for_level_3 = 2"))
    path = os.path.join(changed, "input.rules")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check('| "10"\n' in text, "the Hackney pack's last referral source is 10")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace('| "10"\n', '| "10" | "11"\n', 1))
    return changed


def write_files(scratch):
    """contacts/a.jsonl and contacts/b.jsonl, each with a line both packs refuse and b with one
    only the pack in use refuses (line 6), and both concatenated."""
    os.makedirs(os.path.join(scratch, "contacts"))
    corpus = valid_contacts(16, 240)
    corpus[125]["referrer"]["source"] = "11"
    contacts = [json.dumps(c, ensure_ascii=False) for c in corpus]
    a = contacts[:120] + ["not json"]
    b = contacts[120:130] + ["", '{"contact_id": "broken"}'] + contacts[130:]
    for name, lines in (("a", a), ("b", b), ("both", a + b)):
        with open(os.path.join(scratch, "contacts", name + ".jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return len(a)


def labels(json_report):
    return [c["label"] for c in json.loads(json_report)["contacts"]]


def check_one_file(cli, rules, changed, scratch):
    code, out, err = replay(cli, rules, changed, ["contacts/a.jsonl"], "--format", "json", cwd=scratch)
    check(code == 0, f"one file: exit 0, not {code}: {err}")
    found = labels(out)
    check(found and all(re.fullmatch(r"line [0-9]+", label) for label in found),
          f"one file: each contact is labelled 'line N', with no file: {found[:3]}")


def check_two_files(cli, rules, changed, scratch, lines_in_a):
    files = ["contacts/a.jsonl", "contacts/b.jsonl"]
    code, out, err = replay(cli, rules, changed, files, "--format", "json", cwd=scratch)
    check(code == 0, f"two files: exit 0, not {code}: {err}")
    report = json.loads(out)
    found = labels(out)
    check(any(label.startswith("contacts/a.jsonl line ") for label in found)
          and any(label.startswith("contacts/b.jsonl line ") for label in found),
          f"two files: contacts of both are labelled by file and line: {found[:3]} ... {found[-3:]}")
    refused = [c for c in report["contacts"] if c.get("refused_before")]
    check([c["label"] for c in refused] == ["contacts/b.jsonl line 6"],
          f"two files: a contact the pack in use refuses is labelled by its file and line: {refused}")
    last_a = max((i for i, label in enumerate(found) if label.startswith("contacts/a.jsonl")), default=None)
    first_b = min((i for i, label in enumerate(found) if label.startswith("contacts/b.jsonl")), default=None)
    check(None not in (last_a, first_b) and last_a < first_b, "two files: the contacts of the first file given come first")
    # The same lines in one file give the same report once its labels are named by file.
    _, whole, _ = replay(cli, rules, changed, ["contacts/both.jsonl"], "--format", "json", cwd=scratch)
    expected = json.loads(whole)
    for contact in expected["contacts"]:
        number = int(contact["label"].split()[1])
        contact["label"] = (f"contacts/a.jsonl line {number}" if number <= lines_in_a
                            else f"contacts/b.jsonl line {number - lines_in_a}")
    check(report == expected, "two files: the report is the concatenated file's, labelled by file")
    check(report["changed"] > 5 and report["refused_before"] == 3 and report["refused_both"] == 2,
          f"two files: changes and refusals counted: {report['changed']} changed, {report['refused_before']} refused "
          f"before, {report['refused_both']} by both")
    code, text, _ = replay(cli, rules, changed, files, cwd=scratch)
    refused_line = r"\n  contacts/b\.jsonl line 6 \(contact v125\): refused before \(/referrer/source: "
    check(code == 0 and re.search(refused_line, text) and "\n  contacts/a.jsonl line " in text
          and not re.search(r"\n  line [0-9]", text), f"two files: the text report labels by file too: {text[-600:]}")
    code, reversed_out, _ = replay(cli, rules, changed, files[::-1], "--format", "json", cwd=scratch)
    found = labels(reversed_out)
    check(code == 0 and found[0].startswith("contacts/b.jsonl") and found[-1].startswith("contacts/a.jsonl"),
          f"files are read in the order given: {found[:1]} ... {found[-1:]}")


def check_missing_file(cli, rules, changed, scratch):
    files = ["contacts/a.jsonl", "contacts/missing.jsonl", "contacts/b.jsonl"]
    code, out, err = replay(cli, rules, changed, files, cwd=scratch)
    check(code == 5 and out == ""
          and err == "frontdoor replay: cannot read contacts/missing.jsonl: No such file or directory\n",
          f"a file that cannot be opened: exit 5, named, no report: {code} {err!r} {out[:100]!r}")
    code, out, err = replay(cli, rules, changed, ["contacts/a.jsonl", "contacts"], "--format", "json", cwd=scratch)
    check(code == 5 and out == "" and "cannot read contacts: Is a directory" in err,
          f"a directory among the files: exit 5, named, no report: {code} {err!r}")


def main():
    options = parse_args()
    cli, rules = os.path.abspath(options.cli), os.path.abspath(options.rules)
    with tempfile.TemporaryDirectory() as scratch:
        changed = candidate_pack(rules, scratch)
        lines_in_a = write_files(scratch)
        check_one_file(cli, rules, changed, scratch)
        check_two_files(cli, rules, changed, scratch, lines_in_a)
        check_missing_file(cli, rules, changed, scratch)
    finish()


if __name__ == "__main__":
    main()
