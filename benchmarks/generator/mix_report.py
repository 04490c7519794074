#!/usr/bin/python3
"""Measures the mix a generated corpus really has, from the contacts and an engine's decisions on them
(Frontdoor's or a peer's; refused lines are left out), against the figures the generator aims at.

    mix_report.py --contacts contacts.jsonl --decisions decisions.jsonl

A referral is an outcome of progress_to_assessment, re_refer_to_unit or csc_screening.
"""
import argparse
import collections
import datetime
import json
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")
REFERRALS = {"progress_to_assessment", "re_refer_to_unit", "csc_screening"}


def pct(a, b):
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", required=True)
    ap.add_argument("--decisions", required=True)
    args = ap.parse_args()
    outcomes, sources, channels = collections.Counter(), collections.Counter(), collections.Counter()
    n = office = closed_day = 0
    with open(args.contacts, encoding="utf-8") as fc, open(args.decisions, encoding="utf-8") as fd:
        for lc, ld in zip(fc, fd):
            d = json.loads(ld)
            if "error" in d:
                continue
            c = json.loads(lc)
            code = d["outcome"]["code"] if "outcome" in d else d["outcome_code"]
            n += 1
            outcomes[code] += 1
            channels[c["channel"]] += 1
            if code in REFERRALS:
                sources[c["referrer"]["source"]] += 1
            local = datetime.datetime.fromisoformat(c["received_at"].replace("Z", "+00:00")).astimezone(LONDON)
            if local.weekday() >= 5:
                closed_day += 1
            elif 9 <= local.hour < 17:
                office += 1
    referrals = sum(outcomes[c] for c in REFERRALS)
    print(f"{n} decided contacts")
    for code, k in outcomes.most_common():
        print(f"  {code:32s} {k:9d} {pct(k, n)}")
    print(f"referrals (assessment, re-referral, screening): {pct(referrals, n)} of contacts")
    print(f"re-referrals: {pct(outcomes['re_refer_to_unit'], referrals)} of referrals")
    schools = sources["2A"] + sources["2B"]
    print(f"referral sources: police (6) {pct(sources['6'], referrals)}, schools (2A/2B) {pct(schools, referrals)}")
    print(f"arrivals: Mon-Fri 09:00-17:00 {pct(office, n)}, weekends {pct(closed_day, n)}")
    print("channels: " + ", ".join(f"{k} {pct(v, n)}" for k, v in channels.most_common()))


if __name__ == "__main__":
    main()
