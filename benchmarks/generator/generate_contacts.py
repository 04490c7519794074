#!/usr/bin/python3
"""Generates synthetic MASH contacts (contact.schema.json), one JSON object per line, for benchmarks.

    generate_contacts.py --count N --seed S [--profile hackney|england] [--malformed-share 0.01]
                         [--start 2024-01-01] [--bank-holidays FILE] [--manifest FILE] [--summary]
                         > contacts.jsonl

Deterministic: the same arguments give byte-identical output (Python's Mersenne Twister with an
integer seed; no clock, no hash randomisation). Standard library only. Contacts come out in order of
arrival; ids are <HK|EN><seed>-<8-digit sequence>.

Published figures and how the generator approximates them
---------------------------------------------------------
* Volume. Hackney: ~12,300 contacts a year (~50 per working day); England: ~3 million a year.
  A weekend day or bank holiday gets 12% of a working day's rate, which gives Hackney ~46 per working
  day and ~5.5 per closed day. Counts per day are Poisson. If N would run past 30 November of the last
  year in the bank-holiday file (so deadlines and clock starts would need holidays nobody has
  published), the daily rate is scaled up until it fits: read that as several hubs at once.
* Arrival times. Working days: ~83% in office hours (09:00-17:00), the rest in the evening and early
  morning; closed days: spread over the day. England-and-Wales bank holidays come from the gov.uk file
  (default: rules/hackney/bank-holidays.json if present, else /work/shared/spec/bank-holidays.json).
  Times are Europe/London; the 01:00-02:00 hour that does not exist in March is moved an hour on, and
  the repeated one in October gets either offset. received_at is written 84% in local time with its
  offset, 12% in UTC ("Z"), 2% with a fraction of a second, 2% in another zone's offset (+02:00, -05:00,
  +05:30) for the same instant.
* Referrals. The spec has no "referral" outcome; here a referral is an outcome of progress_to_assessment,
  re_refer_to_unit or csc_screening (level 3-4 work by children's social care). The generator aims each
  contact at an outcome row (contact_mix.PROFILES): Hackney 29% referrals, England 21.2% (636,000 of
  3 million; published 620,000-650,000). Re-referrals (re_refer_to_unit) are 17% (Hackney) / 22%
  (England) of referrals; since csc_screening is never a re-referral, ~26% / ~36% of the row 4 and
  row 6 contacts get a closed episode inside the three-month window. The aim is approximate: a share of
  the contacts are built on the exact window boundary, and unusual combinations are included on
  purpose. Non-referral rows: information requests 5%, open cases 8-9%, consent_required 10-11%,
  early help 25-26%, no further action 23-28% (no published figures; chosen to be plausible).
* Referral sources (census codes: 6 police, 2A/2B schools, ...). Referral outcomes draw from the England
  census mix: police 28%, schools 21% (2A 18%, 2B 3%), health 16%, local authority 14%, individuals 8%,
  others 13%. Other contacts have more police notifications (33%). The same mix is used for Hackney,
  which publishes no source split. Channel follows source (police: mostly police_notification).
* Indicators are drawn uniformly within a level (no source-specific indicators); ages follow a rough
  children-in-need profile; 3% of contacts are about an unborn child, 0.4% about a child born on 29
  February, 0.2% about a child born on the day of the contact.

Malformed records (--malformed-share, default 0.01) break one thing each: an unknown field, a bad enum,
a wrong type, a time without an offset, an impossible date or time, a missing required field (these
break the schema), or a section 6 rule (both birth dates, birth after the contact, an episode closed
before it opened or after the contact, a partner check requested before the contact). They are drawn
from a separate random stream, so the valid records do not change with the share. --manifest writes
{line, contact_id, kind, path} for each malformed line (line numbers from 1).
"""
import argparse
import datetime
import json
import math
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import contact_mix as mix  # noqa: E402
from contact_builder import ContactBuilder  # noqa: E402
from london_calendar import DAY, LondonCalendar, day_number  # noqa: E402
from malform import malform  # noqa: E402

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
HOLIDAY_FILES = (os.path.join(REPO, "rules", "hackney", "bank-holidays.json"), "/work/shared/spec/bank-holidays.json")


def poisson(rng, mu):
    if mu > 30:
        return max(0, round(rng.gauss(mu, math.sqrt(mu))))
    limit, k, p = math.exp(-mu), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def arrivals(rng, cal, count, start_day, annual):
    """Yields (instant, local_day, local_seconds) in order of arrival, `count` of them."""
    working = sum(cal.is_working_day(d) for d in range(start_day, start_day + 365))
    per_working_day = annual / (working + mix.CLOSED_DAY_RATE * (365 - working))
    last_day = day_number(datetime.date(cal.last_holiday_year, 11, 30))
    scale = max(1.0, (count / annual * 365) / max(1, last_day - start_day))
    hour_cum = {True: list(_accumulate(mix.WORKING_DAY_HOURS)), False: list(_accumulate(mix.CLOSED_DAY_HOURS))}
    made, day = 0, start_day
    while made < count:
        is_working = cal.is_working_day(day)
        n = min(count - made, poisson(rng, per_working_day * scale * (1 if is_working else mix.CLOSED_DAY_RATE)))
        cum, total = hour_cum[is_working], hour_cum[is_working][-1]
        seconds = sorted(_hour(cum, rng.random() * total) * 3600 + int(rng.random() * 3600) for _ in range(n))
        kind = cal.local_day_kind(day)
        for s in seconds:
            yield _instant(rng, cal, day, s, kind)
        made += n
        day += 1


def _accumulate(weights):
    total = 0
    for w in weights:
        total += w
        yield total


def _hour(cum, r):
    for h, w in enumerate(cum):
        if r < w:
            return h
    return 23


def _instant(rng, cal, day, s, kind):
    """London wall-clock seconds on a local day to (instant, local_day, local_seconds)."""
    if kind == "normal":
        off = cal.offset_at(day * DAY + 43200)
    elif kind == "spring":
        if 3600 <= s < 7200:
            s += 3600  # 01:xx does not exist; the clocks show 02:xx
        off = 0 if s < 3600 else 3600
    else:
        off = 3600 if s < 3600 else 0 if s >= 7200 else rng.choice((3600, 0))
    return day * DAY + s - off, day, s


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--profile", choices=sorted(mix.PROFILES), default="hackney")
    ap.add_argument("--malformed-share", type=float, default=0.01)
    ap.add_argument("--start", default="2024-01-01", help="local date of the first day (default 2024-01-01)")
    ap.add_argument("--bank-holidays", help="gov.uk bank-holidays.json")
    ap.add_argument("--manifest", help="write the malformed lines' kinds here (JSON lines)")
    ap.add_argument("--summary", action="store_true", help="print the intended mix to stderr")
    args = ap.parse_args(argv)

    holidays = args.bank_holidays or next(p for p in HOLIDAY_FILES if os.path.exists(p))
    cal = LondonCalendar.from_gov_uk_file(holidays)
    profile = mix.PROFILES[args.profile]
    rng = random.Random(args.seed)
    bad_rng = random.Random(args.seed * 7919 + 17)
    builder = ContactBuilder(rng, cal, profile, args.count, args.seed)
    manifest = open(args.manifest, "w", encoding="utf-8") if args.manifest else None
    rows, bad, t0 = {}, 0, time.perf_counter()
    out, write, dumps = [], sys.stdout.write, json.JSONEncoder(separators=(",", ":")).encode
    start = day_number(datetime.date.fromisoformat(args.start))
    for line, (instant, local_day, secs) in enumerate(arrivals(rng, cal, args.count, start, profile["annual_contacts"]), 1):
        c, row = builder.build(line, instant, local_day, secs)
        if args.malformed_share and bad_rng.random() < args.malformed_share:
            kind, path = malform(c, bad_rng, {"cal": cal, "local_day": local_day, "instant": instant})
            bad += 1
            row = "malformed"
            if manifest:
                manifest.write(json.dumps({"line": line, "contact_id": c.get("contact_id"), "kind": kind, "path": path}) + "\n")
        rows[row] = rows.get(row, 0) + 1
        out.append(dumps(c))
        if len(out) == 20000:
            write("\n".join(out) + "\n")
            out.clear()
    if out:
        write("\n".join(out) + "\n")
    if manifest:
        manifest.close()
    if args.summary:
        _print_summary(rows, args, cal, local_day, time.perf_counter() - t0)


def _print_summary(rows, args, cal, last_day, seconds):
    n = args.count
    print(f"{n} contacts ({rows.get('malformed', 0)} malformed) up to {cal.date_str(last_day)} in {seconds:.1f} s",
          file=sys.stderr)
    for r in mix.ROWS + ("malformed",):
        print(f"  {r:20s} {rows.get(r, 0):9d}  {100 * rows.get(r, 0) / n:5.1f}%", file=sys.stderr)
    ref = sum(rows.get(r, 0) for r in mix.REFERRAL_ROWS)
    print(f"  aimed referral rows  {ref:9d}  {100 * ref / n:5.1f}%", file=sys.stderr)


if __name__ == "__main__":
    main()
