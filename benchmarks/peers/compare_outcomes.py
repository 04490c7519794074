#!/usr/bin/python3
"""Compares two decision files line by line on contact_id, level_of_need and the outcome code.

    compare_outcomes.py --frontdoor FRONTDOOR_DECISIONS.jsonl --peer PEER.jsonl [--show 10]

Either side may hold Frontdoor's decisions ({"contact_id", "level_of_need", "outcome": {"code", ...}, ...})
or a peer's lines ({"contact_id", "level_of_need", "outcome_code"}), so two peers, or a peer and a
hand-computed expectation, compare the same way. Refused lines ({"line": N, "error": {...}}) are skipped,
whichever side refused; a line refused on one side only is counted and listed, but is not a
disagreement on the outcome. Exit status: 0 when every line decided on both sides agrees and the
files have the same number of lines, 1 otherwise, 2 on bad usage.
"""
import argparse
import itertools
import json
import sys

FIELDS = ("contact_id", "level_of_need", "outcome")


def key(record):
    """(contact_id, level_of_need, outcome code) of a decision line, or None for a refusal."""
    if "error" in record:
        return None
    outcome = record["outcome"]["code"] if "outcome" in record else record.get("outcome_code")
    return record.get("contact_id"), record.get("level_of_need"), outcome


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--frontdoor", required=True)
    ap.add_argument("--peer", required=True)
    ap.add_argument("--show", type=int, default=10, help="how many disagreements to print")
    args = ap.parse_args()
    counts = {"lines": 0, "agree": 0, "disagree": 0, "refused both": 0, "refused frontdoor only": 0,
              "refused peer only": 0}
    by_field = dict.fromkeys(FIELDS, 0)
    shown, one_sided = [], []
    with open(args.frontdoor, encoding="utf-8") as fa, open(args.peer, encoding="utf-8") as fb:
        for n, (la, lb) in enumerate(itertools.zip_longest(fa, fb), 1):
            counts["lines"] += 1
            if la is None or lb is None:
                print(f"line {n}: only {'--peer' if la is None else '--frontdoor'} has lines from here on")
                counts["disagree"] += 1
                break
            a, b = key(json.loads(la)), key(json.loads(lb))
            if a is None or b is None:
                side = "both" if a is None and b is None else "frontdoor only" if a is None else "peer only"
                counts[f"refused {side}"] += 1
                if side != "both" and len(one_sided) < args.show:
                    one_sided.append(f"line {n}: refused by {side}")
                continue
            if a == b:
                counts["agree"] += 1
                continue
            counts["disagree"] += 1
            for field, x, y in zip(FIELDS, a, b):
                by_field[field] += x != y
            if len(shown) < args.show:
                shown.append(f"line {n}: frontdoor {a} != peer {b}")
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    if counts["disagree"]:
        print("disagreements by field: " + ", ".join(f"{k} {v}" for k, v in by_field.items()))
    for s in shown + one_sided:
        print("  " + s)
    return 1 if counts["disagree"] else 0


if __name__ == "__main__":
    sys.exit(main())
