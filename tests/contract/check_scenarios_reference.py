#!/usr/bin/env python3
"""Checks every Hackney scenario file against the independent reference decider.

    check_scenarios_reference.py [--scenarios DIR] [--holidays FILE]

Each rules/hackney/scenarios/NNN-short-kebab-name.json holds a scenario title, a narrative, a contact
and the full expected decision (`expect`). This script checks that each file has that shape, that
the contact is valid (contact.schema.json when the `jsonschema` package is importable, and always the
cross-field rules of the spec's section 6), and that reference_decider.decide() gives exactly the
`expect` values. It prints every problem as a readable diff and exits 1 if there is any, 0 if none.
The expectations were worked out by hand from the spec; a mismatch means either the expectation or
the reference is wrong, and it must be resolved by reading the spec, not by copying output.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import reference_decider as ref  # noqa: E402

REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SPEC = os.path.normpath(os.path.join(REPO, "..", "shared", "spec"))
EXPECT_KEYS = ("level_of_need", "outcome", "consent", "clock_start", "deadlines", "flags",
               "warnings", "factors")
NAME_RE = re.compile(r"^(\d{3})-[a-z0-9]+(-[a-z0-9]+)*\.json$")


def canonical(value) -> str:
    """Pretty, key-sorted JSON: equal text means equal JSON (true and 1 stay different)."""
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


def schema_problems(contact: dict, schema_path: str) -> list:
    """contact.schema.json, when jsonschema is available (formats checked as well)."""
    try:
        import jsonschema
    except ImportError:
        return []
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return ["schema: %s at /%s" % (e.message, "/".join(str(p) for p in e.absolute_path))
            for e in validator.iter_errors(contact)]


def section_6_problems(contact: dict) -> list:
    """The spec's section 6 refusals that a JSON schema cannot express, and impossible times."""
    problems = []
    try:
        received = ref.parse_instant(contact["received_at"])
        today = ref.to_local(received).date()
        child = contact["child"]
        if "birth_date" in child and "expected_birth_date" in child:
            problems.append("both birth_date and expected_birth_date")
        if "expected_birth_date" in child:
            ref.parse_date(child["expected_birth_date"])
        if "birth_date" in child and ref.parse_date(child["birth_date"]) > today:
            problems.append("birth_date after the local date of received_at")
        if child.get("open_case"):
            ref.parse_date(child["open_case"]["since"])
        for i, ep in enumerate(child.get("episodes", [])):
            opened, closed = ref.parse_date(ep["opened"]), ref.parse_date(ep["closed"])
            if closed < opened:
                problems.append(f"episode {i} closed before it opened")
            if closed > today:
                problems.append(f"episode {i} closed after the local date of received_at")
        for i, check in enumerate(contact.get("partner_checks", [])):
            if "requested_at" in check and ref.parse_instant(check["requested_at"]) < received:
                problems.append(f"partner check {i} requested before received_at")
    except (KeyError, ValueError, TypeError) as e:
        problems.append(f"invalid contact: {e!r}")
    return problems


def shape_problems(name: str, doc) -> list:
    """The scenario file layout the brief asks for."""
    if not NAME_RE.match(name):
        return [f"file name is not NNN-short-kebab-name.json"]
    if not isinstance(doc, dict) or set(doc) != {"scenario", "narrative", "contact", "expect"}:
        return ["top level must be exactly scenario, narrative, contact, expect"]
    problems = []
    if not isinstance(doc["scenario"], str) or not doc["scenario"].strip():
        problems.append("empty scenario title")
    if not isinstance(doc["narrative"], str) or len(doc["narrative"].split()) < 12:
        problems.append("narrative missing or too short")
    if not isinstance(doc["expect"], dict) or set(doc["expect"]) != set(EXPECT_KEYS):
        problems.append("expect must hold exactly: " + ", ".join(EXPECT_KEYS))
    return problems


def decision_diff(expect: dict, got: dict) -> list:
    """One readable unified diff per field where the reference disagrees with `expect`."""
    out = []
    for key in EXPECT_KEYS:
        want, have = canonical(expect.get(key)), canonical(got.get(key))
        if want != have:
            diff = difflib.unified_diff(want.splitlines(), have.splitlines(),
                                        "expect." + key, "reference." + key, lineterm="")
            out.append("\n".join(diff))
    return out


def check_file(path: str, holidays: str, schema_path: str) -> list:
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        return [f"cannot read: {e}"]
    if isinstance(doc, dict) and "expect_refusal" in doc:
        # A scenario of bad input: the schema or section 6 must refuse it independently of the engine.
        if set(doc) != {"scenario", "narrative", "contact", "expect_refusal"}:
            return ["top level must be exactly scenario, narrative, contact, expect_refusal"]
        if schema_problems(doc["contact"], schema_path) + section_6_problems(doc["contact"]):
            return []
        try:
            ref.decide(doc["contact"], holidays)
        except ref.BeyondHolidayData:  # valid, but it needs a working day the holiday file lacks
            return [] if doc["expect_refusal"].get("path") == "" else ['a refusal for the holiday data has path ""']
        return ["expect_refusal, but contact.schema.json and section 6 accept this contact and the reference decides it"]
    problems = shape_problems(name, doc)
    if problems:
        return problems
    problems = schema_problems(doc["contact"], schema_path) + section_6_problems(doc["contact"])
    if problems:
        return problems
    got = ref.decide(doc["contact"], holidays)
    if got["contact_id"] != doc["contact"]["contact_id"]:
        problems.append("reference returned a different contact_id")
    return problems + decision_diff(doc["expect"], got)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default=os.path.join(REPO, "rules", "hackney", "scenarios"))
    parser.add_argument("--holidays", default=os.path.join(SPEC, "bank-holidays.json"))
    parser.add_argument("--schema", default=os.path.join(SPEC, "contact.schema.json"))
    args = parser.parse_args()

    names = sorted(n for n in os.listdir(args.scenarios) if n.endswith(".json"))
    if not names:
        print(f"no scenario files in {args.scenarios}")
        return 1
    failed, numbers = 0, {}
    for name in names:
        problems = check_file(os.path.join(args.scenarios, name), args.holidays, args.schema)
        number = name[:3]
        if number in numbers:
            problems.append(f"number {number} also used by {numbers[number]}")
        numbers.setdefault(number, name)
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
    print(f"{len(names) - failed} of {len(names)} scenarios agree with the reference decider")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
