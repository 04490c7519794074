#!/usr/bin/python3
"""Development check of generated contacts: every record must pass contact.schema.json (with date and
date-time formats checked) and the section 6 rules, except the lines the --manifest lists, each of
which must fail. Needs python3-jsonschema (the generator itself needs only the standard library).
Local dates use zoneinfo's Europe/London, independently of the generator's own DST arithmetic.

    check_sample.py --contacts contacts.jsonl [--manifest malformed.jsonl] [--every 1]
"""
import argparse
import datetime
import json
import re
import sys
import zoneinfo

import jsonschema

SCHEMA = "/work/shared/spec/contact.schema.json"
LONDON = zoneinfo.ZoneInfo("Europe/London")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def parse_time(s):
    if not RFC3339.match(s):
        raise ValueError(s)
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def section6_errors(c):
    """The cross-field refusals of spec section 6."""
    errs = []
    received = parse_time(c["received_at"])
    local_date = received.astimezone(LONDON).date()
    child = c["child"]
    if "birth_date" in child and "expected_birth_date" in child:
        errs.append("both birth dates")
    if "birth_date" in child and datetime.date.fromisoformat(child["birth_date"]) > local_date:
        errs.append("birth after received")
    for i, ep in enumerate(child.get("episodes", [])):
        opened, closed = (datetime.date.fromisoformat(ep[k]) for k in ("opened", "closed"))
        if closed < opened or closed > local_date:
            errs.append(f"episode {i} dates")
    for i, pc in enumerate(c.get("partner_checks", [])):
        if "requested_at" in pc and parse_time(pc["requested_at"]) < received:
            errs.append(f"partner check {i} before received")
    return errs


def london_offset_errors(c):
    """The generator writes +00:00 and +01:00 only as London's own offset at that instant."""
    times = [c["received_at"]] + [pc["requested_at"] for pc in c.get("partner_checks", []) if "requested_at" in pc]
    return [f"{t} is not London time" for t in times if t[-6:] in ("+00:00", "+01:00")
            and parse_time(t).astimezone(LONDON).utcoffset() != parse_time(t).utcoffset()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", required=True)
    ap.add_argument("--manifest")
    ap.add_argument("--every", type=int, default=1, help="check every k-th line")
    args = ap.parse_args()
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    checker = jsonschema.FormatChecker()
    checker.checks("date-time", raises=ValueError)(lambda s: not isinstance(s, str) or bool(parse_time(s)))
    validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
    bad_lines = {}
    if args.manifest:
        with open(args.manifest, encoding="utf-8") as f:
            bad_lines = {m["line"]: m for m in map(json.loads, f)}
    checked = failures = 0
    with open(args.contacts, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if line_no % args.every and line_no not in bad_lines:
                continue
            c = json.loads(line)
            errs = [e.message for e in validator.iter_errors(c)]
            if not errs:
                errs = section6_errors(c) + london_offset_errors(c)
            checked += 1
            expected_bad = line_no in bad_lines
            if bool(errs) != expected_bad:
                failures += 1
                what = bad_lines.get(line_no, "should be valid")
                print(f"line {line_no}: {what}: {errs[:2] or 'no error found'}", file=sys.stderr)
    print(f"checked {checked} lines ({len(bad_lines)} malformed), {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
