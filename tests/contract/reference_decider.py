"""An independent, plain-Python reading of the Hackney MASH rule pack's required behaviour.

This is a test oracle, written straight from /work/shared/spec/hackney-mash.md (the "spec") without
looking at the engine or its rule files. It decides one contact that is already VALID against
contact.schema.json and the spec's section 6; it does not validate (the engine refuses bad input,
this module would only raise or guess). Standard library only; runs with Python 3.11.

    decide(contact, holidays_path) -> dict with the decision fields contact_id, level_of_need,
    outcome, consent, clock_start, deadlines, flags, warnings, factors.

Conventions shared with the engine (they are not in the spec itself): the outcome-row deadline (at
most one) comes first in `deadlines`, then one `partner_check:<agency>` per partner check in input
order; `flags` and `warnings` are sorted in byte order; `outcome` holds `code`, plus `section` and
`unit` only when they apply.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import re
from zoneinfo import ZoneInfo

# §1 Time: "All local times are Europe/London".
LONDON = ZoneInfo("Europe/London")

# §1 Time: office hours are 09:00 (inclusive) to 17:00 (exclusive) local time on a working day.
OFFICE_OPENS = dt.time(9, 0, 0)
OFFICE_CLOSES = dt.time(17, 0, 0)

# indicators.md: each indicator's level on the continuum of need.
LEVEL_4_INDICATORS = frozenset({
    "suspected_non_accidental_injury", "disclosure_of_abuse", "sexual_abuse_concern", "fgm_risk",
    "forced_marriage_risk", "trafficking_concern", "child_sexual_exploitation",
    "child_criminal_exploitation", "no_carer_abandoned", "domestic_abuse_marac", "unborn_high_risk",
    "risk_person_in_household", "severe_neglect_harm",
})
LEVEL_3_INDICATORS = frozenset({
    "persistent_absence_or_exclusion", "untreated_chronic_health", "pregnant_under_18",
    "regular_substance_misuse", "specialist_mental_health_need", "domestic_abuse_history",
    "privately_fostered", "parent_in_prison", "young_carer_impacting_education",
    "repeat_missing_episodes", "radicalisation_risk", "parental_mental_health_impacting_care",
    "parental_substance_misuse_impacting_care", "homeless_family",
})
LEVEL_2_INDICATORS = frozenset({
    "attendance_below_90", "missed_health_appointments", "not_brought_to_appointments",
    "early_antisocial_behaviour", "low_level_emotional_wellbeing", "young_carer", "poor_housing",
    "low_income_hardship", "parenting_support_need", "speech_language_delay", "bullying",
    "family_conflict",
})

# §2: level 3 holds with "three or more different level-2 indicators".
LEVEL_2_COUNT_FOR_LEVEL_3 = 3

# §4 Partner checks: "RED 4 hours, AMBER 24 hours, GREEN 72 hours".
PARTNER_CHECK_HOURS = {"red": 4, "amber": 24, "green": 72}

# §5 Warnings: the outcomes for which a child of 12 or over whose consent was not sought is flagged.
CHILD_CONSENT_OUTCOMES = frozenset({
    "progress_to_assessment", "re_refer_to_unit", "csc_screening", "early_help_screening",
})

# §1 Time: "Input times are RFC 3339 with seconds and an offset (Z or ±hh:mm), optionally with a
# fraction of a second."
_TIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$")


def parse_instant(text: str) -> dt.datetime:
    """§1 Time, input times: parse an RFC 3339 time into an aware datetime.

    The fraction is kept to microseconds by truncation (every threshold in the spec is a whole
    second, so truncating below a microsecond cannot move a time across one). Raises ValueError on
    anything that is not a real time.
    """
    m = _TIME_RE.match(text)
    if not m:
        raise ValueError(f"not an RFC 3339 time with seconds and an offset: {text!r}")
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    micro = int((m.group(7) or "").ljust(6, "0")[:6])
    zone = m.group(8)
    if zone == "Z":
        offset = dt.timedelta(0)
    else:
        oh, om = int(zone[1:3]), int(zone[4:6])
        if oh > 23 or om > 59:
            raise ValueError(f"impossible offset in {text!r}")
        offset = dt.timedelta(hours=oh, minutes=om)
        if zone[0] == "-":
            offset = -offset
    return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=dt.timezone(offset))


def parse_date(text: str) -> dt.date:
    """A calendar date YYYY-MM-DD (birth dates, episode dates)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"not a date: {text!r}")
    return dt.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


def to_local(t: dt.datetime) -> dt.datetime:
    """§1 Time: the Europe/London local time of an instant."""
    return t.astimezone(LONDON)


def render(t: dt.datetime) -> str:
    """§1 Time, output: local time, whole seconds (fraction truncated, never rounded), local offset
    written +hh:mm (never Z)."""
    local = to_local(t)
    offset = local.utcoffset()
    total = int(offset.total_seconds())
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return "%04d-%02d-%02dT%02d:%02d:%02d%s%02d:%02d" % (
        local.year, local.month, local.day, local.hour, local.minute, local.second,
        sign, total // 3600, (total % 3600) // 60)


@functools.lru_cache(maxsize=8)
def load_holidays(holidays_path: str) -> frozenset:
    """§1 Time: the bank holidays of England and Wales, read from the gov.uk layout
    ({"england-and-wales": {"events": [{"date": ...}, ...]}}). Cached per path: the file is data
    that does not change during a run."""
    with open(holidays_path, encoding="utf-8") as f:
        data = json.load(f)
    return frozenset(parse_date(e["date"]) for e in data["england-and-wales"]["events"])


class BeyondHolidayData(Exception):
    """Whether a weekday is a working day depends on a year the holiday file does not cover (it
    covers whole years, from the first to the last it mentions). The spec gives no answer then and a
    guess would give a wrong deadline, so the contact is refused (the engine: path "", a message
    naming the day)."""


@functools.lru_cache(maxsize=8)
def holiday_years(holidays: frozenset) -> tuple:
    return dt.date(min(holidays).year, 1, 1), dt.date(max(holidays).year, 12, 31)


def is_working_day(day: dt.date, holidays: frozenset) -> bool:
    """§1 Time: "A working day is Monday to Friday, except a bank holiday of England and Wales".
    Raises BeyondHolidayData for a weekday outside the holiday file's years."""
    if day.weekday() >= 5:
        return False
    first, last = holiday_years(holidays)
    if not first <= day <= last:
        raise BeyondHolidayData(day)
    return day not in holidays


def local_at(day: dt.date, clock: dt.time) -> dt.datetime:
    """The instant at a local wall-clock time on a local date. Only 09:00 and 17:00 are used; neither
    is ever skipped or repeated in London (the changes happen at 01:00 UTC)."""
    return dt.datetime.combine(day, clock, tzinfo=LONDON)


def in_office_hours(t: dt.datetime, holidays: frozenset) -> bool:
    """§1 Time: "Office hours: 09:00 (inclusive) to 17:00 (exclusive) local time on a working day"."""
    local = to_local(t)
    return (OFFICE_OPENS <= local.time() < OFFICE_CLOSES
            and is_working_day(local.date(), holidays))


def next_working_day(day: dt.date, holidays: frozenset) -> dt.date:
    """The first working day strictly after `day`."""
    day += dt.timedelta(days=1)
    while not is_working_day(day, holidays):
        day += dt.timedelta(days=1)
    return day


def clock_start(contact: dict, received: dt.datetime, holidays: frozenset) -> dt.datetime:
    """§1 Time, clock start: `received_at`, except that a `form` or `email` contact arriving outside
    office hours starts at the next office opening: 09:00 local the same day when it arrived on a
    working day before 09:00, otherwise 09:00 local on the next working day."""
    if contact["channel"] not in ("form", "email") or in_office_hours(received, holidays):
        return received
    local = to_local(received)
    day = local.date()
    if local.time() < OFFICE_OPENS and is_working_day(day, holidays):
        return local_at(day, OFFICE_OPENS)
    return local_at(next_working_day(day, holidays), OFFICE_OPENS)


def hours_after(t: dt.datetime, hours: int) -> dt.datetime:
    """§1 Time: "N hours after a time is elapsed time" (so a day across a clock change is 23 or 25
    wall-clock hours)."""
    return t.astimezone(dt.timezone.utc) + dt.timedelta(hours=hours)


def working_days_after(t: dt.datetime, n: int, holidays: frozenset) -> dt.datetime:
    """§1 Time: "the local date of that time is day 0; count the working days after it; the deadline
    is 17:00 local on the Nth"."""
    day = to_local(t).date()
    for _ in range(n):
        day = next_working_day(day, holidays)
    return local_at(day, OFFICE_CLOSES)


def age_in_years(child: dict, received: dt.datetime):
    """§1 Time, age: whole years at the local date of `received_at`; someone born on 29 February
    turns a year older on 1 March in years without that date. Null for an unborn child (only
    `expected_birth_date`), and null when no birth date is given at all (the spec gives no age)."""
    if "birth_date" not in child:
        return None
    born = parse_date(child["birth_date"])
    on = to_local(received).date()
    years = on.year - born.year
    # The birthday in the year `on`: 29 February becomes 1 March when that year has no 29 February.
    if born.month == 2 and born.day == 29 and not calendar.isleap(on.year):
        birthday = dt.date(on.year, 3, 1)
    else:
        birthday = dt.date(on.year, born.month, born.day)
    if on < birthday:
        years -= 1
    return years


def three_calendar_months_before(day: dt.date) -> dt.date:
    """§1 Time: "the same day number three months earlier, clamped to that month's last day"."""
    year, month = day.year, day.month - 3
    if month < 1:
        year, month = year - 1, month + 12
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def level_of_need(contact: dict) -> int:
    """§2 Level of need: the highest level that holds.
    4: risk.immediate_danger or risk.significant_harm_suspected, or any level-4 indicator;
    3: any level-3 indicator, or three or more different level-2 indicators;
    2: any level-2 indicator; 1: none of the above."""
    indicators = set(contact.get("indicators", []))
    risk = contact.get("risk", {})
    if risk.get("immediate_danger", False) or risk.get("significant_harm_suspected", False):
        return 4
    if indicators & LEVEL_4_INDICATORS:
        return 4
    level_2 = indicators & LEVEL_2_INDICATORS
    if indicators & LEVEL_3_INDICATORS or len(level_2) >= LEVEL_2_COUNT_FOR_LEVEL_3:
        return 3
    if level_2:
        return 2
    return 1


def consent_for_level(contact: dict, level: int) -> str:
    """§3 Consent (§7) for a decision that reaches a level-driven row (4 to 9): `given` when the
    parent's consent is given; for level 3 or 4 without it, `overridden` when both
    risk.urgent_safety_concern and risk.contact_may_increase_risk; level 4 otherwise
    `not_required_significant_harm`; level 3 otherwise, and level 2 always (early help is voluntary:
    no override), `not_obtained`. Rows 1-3 and 10 are `not_applicable` (handled by the caller)."""
    if contact.get("consent", {}).get("parent", "not_sought") == "given":
        return "given"
    risk = contact.get("risk", {})
    override = (risk.get("urgent_safety_concern", False)
                and risk.get("contact_may_increase_risk", False))
    if level in (3, 4) and override:
        return "overridden"
    if level == 4:
        return "not_required_significant_harm"
    return "not_obtained"


def re_referral_episode(contact: dict, start: dt.datetime):
    """§3 Re-referral (§4 B): a closed episode whose `closed` date is on or after the date three
    calendar months before the clock start's local date. Of several, the one closed last; on a tie
    the one opened last; on a further tie the first in the list. None when there is no such episode."""
    window_from = three_calendar_months_before(to_local(start).date())
    best = None
    best_key = None
    for episode in contact["child"].get("episodes", []):
        closed = parse_date(episode["closed"])
        if closed < window_from:
            continue
        key = (closed, parse_date(episode["opened"]))
        if best is None or key > best_key:  # strictly later only: the first in the list keeps ties
            best, best_key = episode, key
    return best


def assessment_outcome(contact: dict, start: dt.datetime, section: str) -> dict:
    """§3 rows 4 and 6: `progress_to_assessment`, or `re_refer_to_unit` with the episode's unit when
    the child was re-referred; `section` is S47 (row 4) or S17 (row 6)."""
    episode = re_referral_episode(contact, start)
    if episode is None:
        return {"code": "progress_to_assessment", "section": section}
    return {"code": "re_refer_to_unit", "section": section, "unit": episode["unit"]}


def outcome_row(contact: dict, level, start: dt.datetime, holidays: frozenset):
    """§3 Outcome: the first row that matches wins. Returns (row number, outcome object, consent,
    outcome-row deadline as (name, instant) or None)."""
    open_case = contact["child"].get("open_case")
    if contact["request_type"] == "information_request":
        if open_case is not None:  # row 1, §4 timescale 5
            return 1, {"code": "pass_to_allocated_unit", "unit": open_case["unit"]}, \
                "not_applicable", ("share_with_unit", start)
        # row 2, §4 timescale 6
        return 2, {"code": "respond_to_information_request"}, "not_applicable", \
            ("information_response", working_days_after(start, 10, holidays))
    if open_case is not None:  # row 3, §4 timescale 2
        return 3, {"code": "pass_to_allocated_unit", "unit": open_case["unit"]}, \
            "not_applicable", ("share_with_unit", start)
    if level == 1:  # row 10, §4 A
        return 10, {"code": "no_further_action"}, "not_applicable", None
    consent = consent_for_level(contact, level)
    if level == 4:  # row 4, §4 B, timescale 1
        return 4, assessment_outcome(contact, start, "S47"), consent, ("manager_review", start)
    if level == 3:
        if consent == "not_obtained":  # row 5, §7
            return 5, {"code": "consent_required"}, consent, None
        if contact.get("information_sufficient", False):  # row 6, §4 B
            return 6, assessment_outcome(contact, start, "S17"), consent, None
        # row 7, §4 C, timescale 3
        return 7, {"code": "csc_screening"}, consent, ("screening_decision", hours_after(start, 24))
    # level 2
    if consent != "given":  # row 8, §7 (for level 2, consent is `given` or `not_obtained`)
        return 8, {"code": "consent_required"}, consent, None
    # row 9, §4 D, timescale 4
    return 9, {"code": "early_help_screening"}, consent, ("screening_decision", hours_after(start, 72))


def partner_check_deadlines(contact: dict, start: dt.datetime) -> list:
    """§4 Partner checks (§5 RAG): `partner_check:<agency>` at `requested_at` (or the clock start when
    absent) plus RED 4, AMBER 24 or GREEN 72 hours, whatever the outcome; in input order."""
    out = []
    for check in contact.get("partner_checks", []):
        base = parse_instant(check["requested_at"]) if "requested_at" in check else start
        out.append(("partner_check:" + check["agency"],
                    hours_after(base, PARTNER_CHECK_HOURS[check["rag"]])))
    return out


def flags_for(contact: dict, level, row: int, outcome: dict, received: dt.datetime,
              holidays: frozenset) -> list:
    """§5 Flags, a sorted set:
    manager_attention_immediately: level 4 and outcome by row 4;
    call_police: risk.immediate_danger;
    emergency_duty_team: level 4 and `received_at` outside office hours (any channel or outcome);
    urgent: outcome by row 3 and level 4;
    advice_and_signposting: outcome no_further_action.
    An information request has no level (null), so the level-4 flags never hold for one."""
    flags = set()
    if level == 4 and row == 4:
        flags.add("manager_attention_immediately")
    if contact.get("risk", {}).get("immediate_danger", False):
        flags.add("call_police")
    if level == 4 and not in_office_hours(received, holidays):
        flags.add("emergency_duty_team")
    if row == 3 and level == 4:
        flags.add("urgent")
    if outcome["code"] == "no_further_action":
        flags.add("advice_and_signposting")
    return sorted(flags)


def warnings_for(contact: dict, outcome: dict, received: dt.datetime) -> list:
    """§5 Warnings, a sorted set: seek_child_consent when the child's age is 12 or over,
    consent.child is not_sought, and the outcome is progress_to_assessment, re_refer_to_unit,
    csc_screening or early_help_screening."""
    age = age_in_years(contact["child"], received)
    child_consent = contact.get("consent", {}).get("child", "not_applicable")
    if (age is not None and age >= 12 and child_consent == "not_sought"
            and outcome["code"] in CHILD_CONSENT_OUTCOMES):
        return ["seek_child_consent"]
    return []


def decide(contact: dict, holidays_path: str) -> dict:
    """The decision on one valid contact (every section of the spec except the explanation and the
    ruleset, and §6, which is about refusing invalid input)."""
    holidays = load_holidays(holidays_path)
    received = parse_instant(contact["received_at"])
    start = clock_start(contact, received, holidays)
    # §2: "An information request has no level of need: its level_of_need is null."
    level = None if contact["request_type"] == "information_request" else level_of_need(contact)
    row, outcome, consent, row_deadline = outcome_row(contact, level, start, holidays)
    deadlines = ([row_deadline] if row_deadline else []) + partner_check_deadlines(contact, start)
    return {
        "contact_id": contact["contact_id"],
        "level_of_need": level,
        "outcome": outcome,
        "consent": consent,
        "clock_start": render(start),
        "deadlines": [{"name": name, "due_at": render(at)} for name, at in deadlines],
        "flags": flags_for(contact, level, row, outcome, received, holidays),
        "warnings": warnings_for(contact, outcome, received),
        # §5: "factors are passed through to the decision unchanged, in their input order".
        "factors": list(contact.get("factors", [])),
    }
