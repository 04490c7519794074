#!/usr/bin/python3
"""Writes a synthetic Frontdoor pack of N rules and N indicators, and contacts for it.

    make_pack.py --size N --out DIR [--contacts FILE --count M] [--seed S]

Standard library only; deterministic for (N, seed). The pack is valid (`frontdoor check DIR`
passes, with no warnings) and is shaped like a real front-door pack, scaled up:

* an indicator catalogue: `enum indicator` with N members, in groups of ten, each group a
  `let group_G: set of indicator` (N/10 definitions);
* `decision level` (first match): one row per group, "G+1 when any indicator of the contact is in
  group_G", then `0 otherwise` (N/10 + 1 rows), so a contact is tried against the groups in order
  until one matches, and the explanation lists every earlier group that did not;
* `decision flags: set of text` (collect): every other rule of the N, in four shapes that cycle
  (an indicator present; an indicator present and a score threshold; two or more indicators of one
  group; the area, the level and an urgency flag), so that a full scan evaluates every row for
  every contact (without the explanation the row index of issue 15 tries only the rows a
  contact's indicators and area leave possible: docs/performance.md);
* a fixed part: a calendar, a table of four entries, one refusal, one deadline (`let due`).

Rules counted: definitions, decision rows, table entries and refusals; the fixed part is counted in
N. Files: pack.rules (manifest, calendar, input), catalogue.rules (the enum and the groups),
level.rules, flags.rules, output.rules. The contacts (one JSON object per line) hold 0 to 5
distinct indicators drawn uniformly from the catalogue, a score from 0 to 99, an area and a time.
"""
import argparse
import datetime
import json
import os
import random
import sys

GROUP = 10
AREAS = ("north", "south", "east", "west")


def indicator(k):
    return f"ind_{k:05d}"


def layout(n):
    """Numbers of groups, level rows and flag rows for a pack of n rules."""
    groups = max(1, n // GROUP)
    fixed = 1 + len(AREAS) + 1  # let due, table entries, refusal
    flags = n - groups - (groups + 1) - fixed
    if flags < 1:
        raise SystemExit(f"make_pack.py: --size {n} is too small (at least {2 * groups + 1 + fixed + 1})")
    return groups, flags


def header(n):
    return f"""# Synthetic pack of {n} rules and {n} indicators, written by benchmarks/synthetic/make_pack.py.
pack synthetic_{n} version "1" [source "synthetic pack for growth benchmarks"]

calendar office
  timezone "Europe/London" rules "GMT0BST,M3.5.0/1,M10.5.0/2"
  open monday to friday 09:00 to 17:00

enum area = {" | ".join(f'"{a}"' for a in AREAS)}

record contact
  contact_id: text matching "^[A-Za-z0-9._:-]{{1,64}}$"
  received_at: datetime
  area: area
  score: integer
  urgent: optional boolean default false
  indicators: optional list of indicator unique default []

input contact: contact
  refuse when contact.score < 0 at contact.score because "the score is never negative" [source "synthetic §0"]

table area_weight: area -> integer
""" + "".join(f'  "{a}" -> {i + 1}  [source "synthetic §1 weights"]\n' for i, a in enumerate(AREAS)) + """
let due: datetime = contact.received_at + 24 hours  [source "synthetic §2 deadline"]
"""


def catalogue(n, groups):
    lines = ["# The indicator catalogue and its groups.", "enum indicator ="]
    for k in range(n):
        lines.append(f'  {"| " if k else ""}"{indicator(k)}"')
    for g in range(groups):
        members = [indicator(k) for k in range(n) if min(k // GROUP, groups - 1) == g]
        lines.append(f"let group_{g}: set of indicator = [")
        lines.append("    " + ", ".join(f'"{m}"' for m in members))
        lines.append(f'  ]  [source "synthetic catalogue, group {g}"]')
    return "\n".join(lines) + "\n"


def level(groups):
    lines = ["# First match: the first group that holds one of the contact's indicators.",
             "decision level: integer (first match)"]
    for g in range(groups):
        lines.append(f"  {g + 1} when any(i in contact.indicators where i in group_{g})"
                     f'  [source "synthetic level, row {g + 1}"]')
    lines.append('  0 otherwise  [source "synthetic level, otherwise"]')
    return "\n".join(lines) + "\n"


def flag_condition(k, n, groups):
    shape = k % 4
    if shape == 0:
        return f'"{indicator(k % n)}" in contact.indicators'
    if shape == 1:
        return f'"{indicator(k % n)}" in contact.indicators and contact.score >= {k % 100}'
    if shape == 2:
        return f"count(i in contact.indicators where i in group_{k % groups}) >= 2"
    return f'contact.area = "{AREAS[k % len(AREAS)]}" and level >= {k % 3 + 1} and contact.urgent'


def flags(n, groups, count):
    lines = ["# Collect: every row that holds adds its flag.", "decision flags: set of text (collect)"]
    for k in range(count):
        lines.append(f'  "f{k}" when {flag_condition(k, n, groups)}  [source "synthetic flags, row {k + 1}"]')
    return "\n".join(lines) + "\n"


OUTPUT = """output times in office
  contact_id = contact.contact_id
  level = level
  flags = flags
  weight = area_weight(contact.area)
  due = due
"""


def write_pack(n, out):
    groups, flag_rows = layout(n)
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith(".rules"):
            os.remove(os.path.join(out, name))
    files = {"pack.rules": header(n), "catalogue.rules": catalogue(n, groups), "level.rules": level(groups),
             "flags.rules": flags(n, groups, flag_rows), "output.rules": OUTPUT}
    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    return groups, flag_rows


def contacts(n, count, seed):
    rng = random.Random(seed)
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    for c in range(count):
        at = start + datetime.timedelta(seconds=rng.randrange(366 * 86400))
        record = {"contact_id": f"SY{seed}-{c:08d}", "received_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "area": rng.choice(AREAS), "score": rng.randrange(100)}
        if rng.random() < 0.3:
            record["urgent"] = True
        picked = rng.sample(range(n), min(n, rng.randrange(6)))
        if picked:
            record["indicators"] = [indicator(k) for k in picked]
        yield json.dumps(record, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, required=True, help="rules and indicators (at least 10)")
    ap.add_argument("--out", required=True, help="directory for the .rules files (its .rules files are replaced)")
    ap.add_argument("--contacts", help="also write contacts for the pack to this file")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    groups, flag_rows = write_pack(args.size, args.out)
    print(f"{args.out}: {args.size} rules ({groups} group definitions, {groups + 1} level rows, "
          f"{flag_rows} flag rows, 6 fixed), {args.size} indicators", file=sys.stderr)
    if args.contacts:
        with open(args.contacts, "w", encoding="utf-8") as f:
            for line in contacts(args.size, args.count, args.seed):
                f.write(line + "\n")


if __name__ == "__main__":
    main()
