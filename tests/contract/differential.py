#!/usr/bin/env python3
"""Differential check: the frontdoor engine against the independent reference decider.

    differential.py --cli PATH_TO_frontdoor --rules DIR --count N --seed S [--holidays FILE]

Generates N random valid contacts with contact_corpus.valid_contacts(seed, n), writes them one per
line to a JSONL file, runs `frontdoor eval --rules DIR --jsonl FILE` (which prints one decision per
line, in input order) and compares, for every contact, every field the reference computes:
contact_id, level_of_need, outcome, consent, clock_start, deadlines, flags, warnings, factors. The
engine's extra fields (ruleset, explanation) are not compared. It then runs the same file with
`--no-explain` and checks that every decision is the explained one, byte for byte, without its
`explanation` member (the engine takes faster paths when no explanation is asked for). Last, it
moves the same contacts eight years on (every date; leap days stay leap days), so that many of them
need working days beyond the holiday data (2018-2028): the reference says which ones cannot be
decided, and the engine must refuse exactly those (path "", the calendar's message) and decide the
others as the reference does. Prints the first 10 differing contacts, each with its contact and
every field that differs, and exits 1 if anything differs, if the engine exits non-zero on the
first corpus (all the contacts are valid, so none may be refused), or if the number of output lines
is not N. Exits 0 when engine and reference agree on every contact.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import reference_decider as ref  # noqa: E402

SPEC = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "spec"))
FIELDS = ("contact_id", "level_of_need", "outcome", "consent", "clock_start", "deadlines", "flags",
          "warnings", "factors")
MISSING = object()


def canonical(value) -> str:
    """Compact key-sorted JSON: equal text means equal JSON (so true != 1 and 4 != "4")."""
    if value is MISSING:
        return "<missing>"
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def load_contacts(seed: int, count: int) -> list:
    from contact_corpus import valid_contacts  # written alongside this file
    contacts = valid_contacts(seed, count)
    return [json.loads(c) if isinstance(c, str) else c for c in contacts]


def run_engine(cli: str, rules: str, contacts: list, timeout: float, *flags: str):
    """Runs the engine on a JSONL file of `contacts`; returns (exit code, stdout lines, stderr)."""
    with tempfile.TemporaryDirectory(prefix="frontdoor-differential-") as tmp:
        path = os.path.join(tmp, "contacts.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for c in contacts:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        proc = subprocess.run([cli, "eval", "--rules", rules, "--jsonl", *flags, path],
                              capture_output=True, timeout=timeout)
    out = proc.stdout.decode("utf-8", errors="replace").splitlines()
    return proc.returncode, out, proc.stderr.decode("utf-8", errors="replace")


BEYOND_HOLIDAY_DATA = "knows its holidays for 2018 to 2028 only, and the decision needs to know whether"


def compare_refusal(number: int, line) -> list:
    """The reference cannot decide: the engine must refuse line `number` for the holiday data."""
    try:
        got = json.loads(line) if line is not None else None
    except ValueError:
        got = None
    error = got.get("error", {}) if isinstance(got, dict) else {}
    if (isinstance(got, dict) and got.get("line") == number and error.get("path") == ""
            and BEYOND_HOLIDAY_DATA in str(error.get("message"))):
        return []
    return [("<refusal>", f'line {number} refused at path "" for the holiday data', (line or "no output line")[:300])]


def compare(contact: dict, line, holidays: str, number: int = 0) -> list:
    """The differing fields of one contact as (field, reference text, engine text)."""
    try:
        want = ref.decide(contact, holidays)
    except ref.BeyondHolidayData:
        return compare_refusal(number, line)
    except Exception as e:  # a corpus contact the reference cannot decide is itself a finding
        return [("<reference>", f"raised {e!r}", "")]
    if line is None:
        return [("<line>", "a decision", "no output line")]
    try:
        got = json.loads(line)
    except ValueError:
        return [("<line>", "a JSON decision", line[:300])]
    if not isinstance(got, dict):
        return [("<line>", "a JSON object", line[:300])]
    if got.get("contact_id", MISSING) != want["contact_id"]:
        # Out of step (a line dropped or a refusal printed): the other fields would only be noise.
        return [("<line>", "the decision for " + canonical(want["contact_id"]), line[:300])]
    diffs = []
    for field in FIELDS:
        w, g = canonical(want[field]), canonical(got.get(field, MISSING))
        if w != g:
            diffs.append((field, w, g))
    return diffs


def without_explanation(line: str) -> str:
    """An explained decision as it should read without its explanation: `explanation` is the last
    member, and no earlier text can hold `,"explanation":` (quotes inside strings are escaped)."""
    at = line.find(',"explanation":')
    return line if at < 0 else line[:at] + "}"


def report(index: int, contact: dict, diffs: list) -> None:
    print(f"--- contact #{index + 1} (line {index + 1} of the input)")
    print(json.dumps(contact, indent=2, ensure_ascii=False))
    for field, want, got in diffs:
        print(f"  {field}:\n    reference: {want}\n    engine:    {got}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path to the frontdoor executable")
    parser.add_argument("--rules", required=True, help="rule pack directory, e.g. rules/hackney")
    parser.add_argument("--count", type=int, required=True, help="number of contacts")
    parser.add_argument("--seed", type=int, required=True, help="corpus seed")
    parser.add_argument("--holidays", default=os.path.join(SPEC, "bank-holidays.json"),
                        help="gov.uk bank-holiday JSON the reference uses")
    parser.add_argument("--show", type=int, default=10, help="differing contacts to print")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for the engine run")
    args = parser.parse_args()

    contacts = load_contacts(args.seed, args.count)
    try:
        code, lines, stderr = run_engine(args.cli, args.rules, contacts, args.timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"could not run the engine {args.cli!r}: {e}")
        return 1
    failed = False
    if code != 0:
        failed = True
        print(f"engine exited with status {code} on {len(contacts)} valid contacts; stderr:")
        print("\n".join(stderr.splitlines()[:20]))
    if len(lines) != len(contacts):
        failed = True
        print(f"engine printed {len(lines)} lines for {len(contacts)} contacts")

    shown, differing, by_field = 0, 0, collections.Counter()
    for i, contact in enumerate(contacts):
        diffs = compare(contact, lines[i] if i < len(lines) else None, args.holidays)
        if not diffs:
            continue
        differing += 1
        by_field.update(field for field, _, _ in diffs)
        if shown < args.show:
            report(i, contact, diffs)
            shown += 1
    for j in range(len(contacts), len(lines)):
        if shown < args.show:
            print(f"--- extra output line {j + 1}: {lines[j][:300]}")
            shown += 1

    summary = ", ".join(f"{field} {n}" for field, n in sorted(by_field.items()))
    print(f"{differing} of {len(contacts)} contacts differ (seed {args.seed})"
          + (f"; by field: {summary}" if summary else ""))

    try:
        code, plain, stderr = run_engine(args.cli, args.rules, contacts, args.timeout, "--no-explain")
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"could not run the engine {args.cli!r} with --no-explain: {e}")
        return 1
    if code != 0 or len(plain) != len(lines):
        failed = True
        print(f"--no-explain: status {code}, {len(plain)} lines for {len(lines)}; stderr:")
        print("\n".join(stderr.splitlines()[:20]))
    unlike = [i for i, (explained, bare) in enumerate(zip(lines, plain)) if without_explanation(explained) != bare]
    for i in unlike[:args.show]:
        print(f"--- contact #{i + 1}: the decision without explanation differs from the explained one")
        print(f"  explained, less its explanation: {without_explanation(lines[i])[:600]}")
        print(f"  --no-explain:                    {plain[i][:600]}")
    print(f"{len(unlike)} of {len(plain)} decisions differ between --no-explain and the explained decision")
    beyond_failed = check_beyond_holiday_data(args, contacts)
    return 1 if failed or differing or unlike or beyond_failed else 0


def eight_years_on(contact: dict) -> dict:
    """The contact with every date and time eight years later (2024-02-29 -> 2032-02-29)."""
    text = json.dumps(contact, ensure_ascii=False)
    return json.loads(re.sub(r'"(\d{4})-(\d\d)-(\d\d)', lambda m: f'"{int(m[1]) + 8}-{m[2]}-{m[3]}', text))


def check_beyond_holiday_data(args, contacts: list) -> bool:
    """True when the engine and the reference disagree on the contacts moved eight years on."""
    from contact_corpus import section6_problems
    # Moving a time keeps its written offset, so near a clock change its London date can move by a
    # day against the dates beside it; the few contacts that this makes invalid are left out.
    moved = [m for m in (eight_years_on(c) for c in contacts) if not section6_problems(m)]
    try:
        code, lines, stderr = run_engine(args.cli, args.rules, moved, args.timeout, "--no-explain")
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"could not run the engine {args.cli!r} on the moved contacts: {e}")
        return True
    refused = decided = differing = shown = 0
    for i, contact in enumerate(moved):
        line = lines[i] if i < len(lines) else None
        try:
            ref.decide(contact, args.holidays)
            decided += 1
        except ref.BeyondHolidayData:
            refused += 1
        diffs = compare(contact, line, args.holidays, i + 1)
        if diffs:
            differing += 1
            if shown < args.show:
                report(i, contact, diffs)
                shown += 1
    print(f"eight years on: {differing} of {len(moved)} contacts differ; the reference refuses {refused} "
          f"for the holiday data and decides {decided}")
    problem = differing or len(lines) != len(moved) or (refused > 0) != (code != 0)
    if refused == 0 or decided == 0:
        print("eight years on: expected both refusals and decisions; the check exercised nothing")
        problem = True
    return bool(problem)


if __name__ == "__main__":
    sys.exit(main())
