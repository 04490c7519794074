#!/usr/bin/python3
"""Writes calendar_cases.json, the expected answers for test_calendar_differential.cpp.

The answers come from an implementation that shares nothing with the C++ one: Python's zoneinfo
("Europe/London" from the tz database, not the POSIX rule), datetime arithmetic instead of day
numbers, and its own working-day, office-hours, age and month rules written straight from the
product spec. Both read the same gov.uk holidays file. The cases are random but seeded, so running
this again gives the same file; they lean towards the places where mistakes hide: daylight-saving
changes, the edges of office hours, bank holidays and 29 February.

    /usr/bin/python3 tests/unit/data/make_calendar_cases.py [--seed N] [--holidays FILE] [--out FILE]
"""

import argparse
import calendar
import json
import random
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
LONDON = ZoneInfo("Europe/London")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MICRO = timedelta(microseconds=1)
OPEN, CLOSE = time(9), time(17)
FIRST_YEAR, LAST_YEAR = 2018, 2028


class BeyondHolidayData(Exception):
    """The answer depends on whether a weekday outside the holiday file's years is a holiday."""


class Office:
    """Office hours 09:00-17:00 London time, Monday to Friday except bank holidays.

    The holiday file covers whole years, from the first to the last year it mentions; a question
    whose answer depends on a weekday outside them has no answer (the spec: never count as if a
    year had no bank holidays), and its expected value is null."""

    def __init__(self, holidays_path):
        events = json.loads(Path(holidays_path).read_text(encoding="utf-8"))["england-and-wales"]["events"]
        self.holidays = sorted(date.fromisoformat(e["date"]) for e in events)
        self.holiday_set = set(self.holidays)
        self.covered = (date(self.holidays[0].year, 1, 1), date(self.holidays[-1].year, 12, 31))

    def working(self, d):
        if d.weekday() >= 5:
            return False
        if not self.covered[0] <= d <= self.covered[1]:
            raise BeyondHolidayData(d)
        return d not in self.holiday_set

    def is_open(self, t):
        local = as_local(t)
        return OPEN <= local.time() < CLOSE and self.working(local.date())

    def next_opening(self, t):
        d = as_local(t).date() - timedelta(days=1)
        while True:
            if d.weekday() < 5 and local_instant(d, OPEN) >= t and self.working(d):
                return local_instant(d, OPEN)
            d += timedelta(days=1)

    def working_days_after(self, t, n):
        d, counted = as_local(t).date(), 0
        while counted < n:
            d += timedelta(days=1)
            counted += self.working(d)
        return local_instant(d, CLOSE)


def as_local(t):
    return (EPOCH + t * MICRO).astimezone(LONDON)


def local_instant(d, wall):
    """Microseconds of a London wall time; fold=0 moves a skipped time forward and takes the first
    of a repeated one, which is what the spec asks for."""
    return (datetime.combine(d, wall, tzinfo=LONDON) - EPOCH) // MICRO


def offset_seconds(t):
    return int(as_local(t).utcoffset().total_seconds())


def rfc3339_local(t):
    local = as_local(t)
    off = offset_seconds(t)
    sign = "-" if off < 0 else "+"
    return f"{local:%Y-%m-%dT%H:%M:%S}{sign}{abs(off) // 3600:02d}:{abs(off) // 60 % 60:02d}"


def age(birth, on):
    try:
        birthday = birth.replace(year=on.year)
    except ValueError:  # 29 February in a year without it: the birthday is 1 March
        birthday = date(on.year, 3, 1)
    return on.year - birth.year - (1 if on < birthday else 0)


def add_months(d, months):
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def random_day(rng, first=date(FIRST_YEAR, 1, 1), last=date(LAST_YEAR, 12, 31)):
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def last_sunday(year, month):
    d = date(year, month, calendar.monthrange(year, month)[1])
    return d - timedelta(days=(d.weekday() + 1) % 7)


def wall_time(rng):
    """A local time of day that is often on or next to an office-hours edge."""
    edges = [time(8, 59, 59, 999999), time(9), time(9, 0, 0, 1), time(8, 59, 59), time(16, 59, 59),
             time(16, 59, 59, 999999), time(17), time(17, 0, 0, 1), time(0), time(23, 59, 59, 999999)]
    if rng.random() < 0.6:
        return rng.choice(edges)
    return time(rng.randrange(24), rng.randrange(60), rng.randrange(60), rng.choice([0, rng.randrange(10**6)]))


def random_instant(rng, office):
    kind = rng.random()
    if kind < 0.3:
        start = (datetime(FIRST_YEAR, 1, 1, tzinfo=timezone.utc) - EPOCH) // MICRO
        end = (datetime(LAST_YEAR + 1, 1, 1, tzinfo=timezone.utc) - EPOCH) // MICRO
        return rng.randrange(start, end)
    if kind < 0.5:
        change = datetime.combine(last_sunday(rng.randint(FIRST_YEAR, LAST_YEAR), rng.choice([3, 10])),
                                  time(1), tzinfo=timezone.utc)
        base = (change - EPOCH) // MICRO
        step = rng.choice([0, 1, 10**6, 1800 * 10**6, 3600 * 10**6, rng.randrange(3 * 3600 * 10**6)])
        return base + rng.choice([-1, 1]) * step
    if kind < 0.75:
        return local_instant(random_day(rng), wall_time(rng))
    holiday = rng.choice(office.holidays) + timedelta(days=rng.randint(-3, 3))
    return local_instant(holiday, wall_time(rng))


def rfc3339_input(rng, t):
    """An RFC 3339 spelling of about `t` with a random offset and fraction, and the instant that
    spelling denotes (a short fraction drops digits, a long one has digits that are truncated)."""
    offset_minutes = rng.choice([None, 0, 0, 60, -300, 330, -570, 840, 23 * 60 + 59, -(23 * 60 + 59)])
    wall = (EPOCH + t * MICRO).replace(tzinfo=None) + timedelta(minutes=offset_minutes or 0)
    digits = rng.choice([0, 0, 0, 1, 3, 6, 9])
    micros = f"{wall.microsecond:06d}"
    kept = int(micros[:min(digits, 6)].ljust(6, "0")) if digits else 0
    fraction = "" if digits == 0 else "." + (micros + "".join(rng.choice("0123456789") for _ in range(3)))[:digits]
    if offset_minutes is None:
        suffix = "Z"
    else:
        sign = "-" if offset_minutes < 0 else "+"
        suffix = f"{sign}{abs(offset_minutes) // 60:02d}:{abs(offset_minutes) % 60:02d}"
    return f"{wall:%Y-%m-%dT%H:%M:%S}{fraction}{suffix}", t - wall.microsecond + kept


def answer(question):
    """The answer, or None when it depends on a day beyond the holiday data."""
    try:
        return question()
    except BeyondHolidayData:
        return None


def instant_case(rng, office):
    text, t = rfc3339_input(rng, random_instant(rng, office))
    return instant_case_at(text, t, office)


def instant_case_at(text, t, office):
    opening = answer(lambda: office.next_opening(t))
    return {
        "input": text,
        "instant": t,
        "offset": offset_seconds(t),
        "local": rfc3339_local(t),
        "local_date": as_local(t).date().isoformat(),
        "working_day": answer(lambda: office.working(as_local(t).date())),
        "is_open": answer(lambda: office.is_open(t)),
        "next_opening": None if opening is None else rfc3339_local(opening),
        # Whole seconds since 1970 of the results for n = 1..15, kept short to keep the file small.
        "working_days_after": [answer(lambda: office.working_days_after(t, n) // 10**6) for n in range(1, 16)],
    }


def beyond_case(rng, office, year):
    day = random_day(rng, date(year, 1, 1), date(year, 12, 31))
    text, t = rfc3339_input(rng, local_instant(day, wall_time(rng)))
    return instant_case_at(text, t, office)


def from_local_case(rng):
    if rng.random() < 0.6:
        day = last_sunday(rng.randint(FIRST_YEAR, LAST_YEAR), rng.choice([3, 10]))
        seconds = rng.choice([3600, 5400, 7199, 7200, 3599, rng.randrange(0, 3 * 3600)])
    else:
        day, seconds = random_day(rng), rng.randrange(86400)
    wall = (datetime.min + timedelta(seconds=seconds)).time()
    return {"date": day.isoformat(), "seconds": seconds, "instant": local_instant(day, wall)}


def age_case(rng):
    leap_years = [y for y in range(1992, 2029) if calendar.isleap(y)]
    birth = date(rng.choice(leap_years), 2, 29) if rng.random() < 0.4 else random_day(rng, date(1990, 1, 1))
    if rng.random() < 0.5:
        on = date(rng.randint(birth.year - 2, birth.year + 25), rng.choice([2, 3]), 1) + timedelta(
            days=rng.choice([-1, 0, 27, 28]))
    else:
        on = random_day(rng, date(1990, 1, 1), date(2045, 12, 31))
    return {"birth": birth.isoformat(), "on": on.isoformat(), "age": age(birth, on)}


def month_case(rng):
    day = random_day(rng, date(1900, 1, 1), date(2100, 12, 31))
    if rng.random() < 0.6:
        day = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1]) - timedelta(
            days=rng.randrange(4))
    months = -3 if rng.random() < 0.4 else rng.randint(-40, 40)
    return {"date": day.isoformat(), "months": months, "result": add_months(day, months).isoformat()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240330)
    parser.add_argument("--holidays", default=HERE.parents[3] / "shared" / "spec" / "bank-holidays.json")
    parser.add_argument("--out", default=HERE / "calendar_cases.json")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    office = Office(args.holidays)
    # Instants in the years either side of the holiday data, from a generator of their own so that
    # the cases above stay what they were.
    beyond = random.Random(args.seed + 1)
    outside = [beyond.choice([FIRST_YEAR - 2, FIRST_YEAR - 1, LAST_YEAR + 1, LAST_YEAR + 2]) for _ in range(60)]
    sections = {
        "instants": [instant_case(rng, office) for _ in range(1600)] +
                    [beyond_case(beyond, office, year) for year in outside],
        "from_local": [from_local_case(rng) for _ in range(600)],
        "ages": [age_case(rng) for _ in range(1000)],
        "months": [month_case(rng) for _ in range(1000)],
    }
    lines = ["{", f'  "generator": "tests/unit/data/make_calendar_cases.py --seed {args.seed}",',
             '  "zone": "Europe/London", "posix_rule": "GMT0BST,M3.5.0/1,M10.5.0/2",',
             '  "holidays": "spec/bank-holidays.json, division england-and-wales",',
             '  "office_hours": "09:00-17:00 Monday to Friday",']
    for i, (name, cases) in enumerate(sections.items()):
        lines.append(f'  "{name}": [')
        lines += ["    " + json.dumps(c, ensure_ascii=False) + ("," if j + 1 < len(cases) else "")
                  for j, c in enumerate(cases)]
        lines.append("  ]" + ("," if i + 1 < len(sections) else ""))
    lines.append("}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
