"""Deterministic corpus of contacts for Frontdoor's contract tests.

valid_contacts(seed, n): contacts that contact.schema.json accepts and that section 6 of
hackney-mash.md does not refuse, varied in everything the Hackney pack decides on.
invalid_contacts(seed, n): (contact, label) pairs; each contact breaks exactly one thing. A label
ends with the JSON pointer of the defect ("unknown field /child/episodez") so that a checker can
require the engine's refusal to point there. Labels of refusals that only section 6 makes (JSON
Schema cannot express them) start with "s6:". Everything comes from random.Random(seed).
"""
import calendar
import datetime as dt
import json
import random
import re
from fractions import Fraction
from pathlib import Path

LEVEL4 = ("suspected_non_accidental_injury disclosure_of_abuse sexual_abuse_concern fgm_risk "
          "forced_marriage_risk trafficking_concern child_sexual_exploitation "
          "child_criminal_exploitation no_carer_abandoned domestic_abuse_marac unborn_high_risk "
          "risk_person_in_household severe_neglect_harm").split()
LEVEL3 = ("persistent_absence_or_exclusion untreated_chronic_health pregnant_under_18 "
          "regular_substance_misuse specialist_mental_health_need domestic_abuse_history "
          "privately_fostered parent_in_prison young_carer_impacting_education "
          "repeat_missing_episodes radicalisation_risk parental_mental_health_impacting_care "
          "parental_substance_misuse_impacting_care homeless_family").split()
LEVEL2 = ("attendance_below_90 missed_health_appointments not_brought_to_appointments "
          "early_antisocial_behaviour low_level_emotional_wellbeing young_carer poor_housing "
          "low_income_hardship parenting_support_need speech_language_delay bullying "
          "family_conflict").split()
FACTORS = ("1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A "
           "12A 13A 14A 15A 16A 17A 18B 18C 19B 19C 20 21 22A 23A 24A").split()
SOURCES = "1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 5D 6 7 8 9 10".split()
CHANNELS = ["phone", "form", "email", "walk_in", "police_notification"]
REQUEST_TYPES = ["concern", "information_request"]
RISK_FLAGS = ["immediate_danger", "significant_harm_suspected", "urgent_safety_concern",
              "contact_may_increase_risk"]
UNITS = ["Unit 1", "Unit 12", "Family Intervention Unit", "Disabled Children's Service", "U",
         "Looked After Children – Team Ż", "u" * 200, "é" * 200]
# maxLength counts characters, not bytes or UTF-16 units: 200 emoji are allowed.
ORGANISATIONS = ["Hackney Police", "St Mary's Primary School", "Homerton A&E", "O", "x" * 200,
                 "é" * 200, "\U0001F476" * 200, 'Praxis "Nord" / Clinic\tB']
AGENCIES = ["police", "health", "education", "probation", "housing", "a", "yot_2", "a" + "b_9" * 13]
# "local" is London's own offset; the others move the written date away from London's date.
OFFSETS = ["Z", "Z", "local", "local", "+00:00", "-00:00", "+01:00", "-05:00", "+05:30", "-00:30",
           "+14:00", "+23:59", "-23:59"]
OFFICE_EDGES = [dt.time(8, 59, 59), dt.time(9), dt.time(16, 59, 59), dt.time(17)]
# Local dates stay where 10 working days still fall inside the 2018-2028 holiday data.
FIRST_DAY, LAST_DAY = dt.date(2018, 1, 1), dt.date(2028, 11, 30)
DEFAULT_HOLIDAYS = Path(__file__).resolve().parents[3] / "shared" / "spec" / "bank-holidays.json"
UTC = dt.timezone.utc
TIME_RE = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})", re.ASCII)


def _offset_delta(offset):
    if offset == "Z":
        return dt.timedelta(0)
    sign = 1 if offset[0] == "+" else -1
    return sign * dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))


def split_time(text):
    """A schema-valid time -> (UTC instant to the second, fraction digits)."""
    wall, frac, offset = TIME_RE.fullmatch(text).groups()
    utc = dt.datetime.fromisoformat(wall).replace(tzinfo=UTC) - _offset_delta(offset)
    return utc, frac or ""


def instant(text):
    """Exact instant for comparisons: digits past microseconds still count."""
    utc, frac = split_time(text)
    return utc, Fraction(int(frac or "0"), 10 ** len(frac))


def format_time(utc, offset, frac=""):
    wall = (utc + _offset_delta(offset)).strftime("%Y-%m-%dT%H:%M:%S")
    return wall + ("." + frac if frac else "") + offset


def _last_sunday(year, month):
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def london_offset(utc):
    """Spec section 1: BST from 01:00 UTC on March's last Sunday to the same in October."""
    start = dt.datetime.combine(_last_sunday(utc.year, 3), dt.time(1), UTC)
    end = dt.datetime.combine(_last_sunday(utc.year, 10), dt.time(1), UTC)
    return dt.timedelta(hours=1) if start <= utc < end else dt.timedelta(0)


def london_date(text):
    utc, _ = split_time(text)
    return (utc + london_offset(utc)).date()


def _london_to_utc(wall):
    for offset in (dt.timedelta(hours=1), dt.timedelta(0)):
        utc = wall.replace(tzinfo=UTC) - offset
        if london_offset(utc) == offset:
            return utc
    return wall.replace(tzinfo=UTC)  # in the spring-forward gap: any nearby instant will do


def _add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without it
        return day.replace(year=day.year + years, day=28)


def three_months_before(day):
    month = (day.year * 12 + day.month - 1) - 3
    year, month = divmod(month, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def section6_problems(contact):
    """Section 6's refusals beyond the schema, as (pointer, message); contact must be schema-valid."""
    problems, child = [], contact["child"]
    day, received = london_date(contact["received_at"]), instant(contact["received_at"])
    if "birth_date" in child and "expected_birth_date" in child:
        problems.append(("/child", "both birth_date and expected_birth_date"))
    if "birth_date" in child and dt.date.fromisoformat(child["birth_date"]) > day:
        problems.append(("/child/birth_date", f"after the local date of received_at, {day}"))
    for i, episode in enumerate(child.get("episodes", [])):
        if episode["closed"] < episode["opened"]:  # ISO dates order as strings
            problems.append((f"/child/episodes/{i}", "closed before opened"))
        elif dt.date.fromisoformat(episode["closed"]) > day:
            problems.append((f"/child/episodes/{i}/closed", f"after {day}"))
    for i, check in enumerate(contact.get("partner_checks", [])):
        if "requested_at" in check and instant(check["requested_at"]) < received:
            problems.append((f"/partner_checks/{i}/requested_at", "before received_at"))
    return problems


def _load_holidays(path):
    path = Path(path) if path else DEFAULT_HOLIDAYS
    if not path.exists():
        return []  # holidays only weight the choice of dates
    events = json.loads(path.read_text())["england-and-wales"]["events"]
    return [d for d in (dt.date.fromisoformat(e["date"]) for e in events) if d <= LAST_DAY]


class _Builder:
    """Makes valid parts of contacts; everything random comes from self.r."""

    def __init__(self, rng, holidays):
        self.r, self.holidays = rng, holidays

    def day(self):
        return FIRST_DAY + dt.timedelta(days=self.r.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def offset(self, utc):
        offset = self.r.choice(OFFSETS)
        return ("+01:00" if london_offset(utc) else "+00:00") if offset == "local" else offset

    def received_at(self):
        r = self.r
        mode = r.choice(["office_edge"] * 3 + ["weekend", "holiday", "dst", "midnight", "feb29",
                                                "any", "any"])
        if mode == "dst":  # around 01:00 UTC on a change day
            sunday = _last_sunday(r.randint(2018, 2028), r.choice([3, 10]))
            utc = dt.datetime.combine(sunday, dt.time(1), UTC) + dt.timedelta(
                seconds=r.choice([-3601, -3600, -1, 0, 1, 3599, 3600, r.randint(-7200, 7200)]))
        else:
            day = self.day()
            if mode == "weekend":
                day += dt.timedelta(days=(5 - day.weekday()) % 7 + r.randint(0, 1))
            elif mode == "holiday" and self.holidays:
                day = r.choice(self.holidays)
            elif mode == "feb29":
                day = dt.date(r.choice([2019, 2020, 2023, 2024, 2025, 2028]), 2, 28)
                day += dt.timedelta(days=r.randint(0, 2 if calendar.isleap(day.year) else 1))
            if mode == "midnight":
                wall = dt.time(r.choice([23, 0]), r.randrange(60), r.randrange(60))
            elif mode == "office_edge" or r.random() < 0.4:
                wall = r.choice(OFFICE_EDGES)
            else:
                wall = dt.time(r.randrange(24), r.randrange(60), r.randrange(60))
            utc = _london_to_utc(dt.datetime.combine(day, wall))
        frac = r.choice(["", "", "", "0", "5", "999", "000001", "123456", "999999999"])
        return format_time(utc, self.offset(utc), frac)

    def crossing_received_at(self, forward):
        """A received_at whose written date is London's date plus one (forward) or minus one."""
        while True:
            wall = dt.time(23 if forward else 0, self.r.randrange(60), self.r.randrange(60))
            utc = _london_to_utc(dt.datetime.combine(self.day(), wall))
            offset = self.r.choice(["+05:30", "+14:00", "+23:59"] if forward
                                   else ["-05:00", "-23:59", "-00:30"])
            text = format_time(utc, offset, self.r.choice(["", "5"]))
            written, local = text[:10], london_date(text).isoformat()
            if written != local and (written > local) == forward:
                return text

    def birth_date(self, day):
        r = self.r
        if (day.month, day.day) in ((2, 28), (2, 29), (3, 1)) or r.random() < 0.05:
            leap = [y for y in range(day.year - 17, day.year + 1)
                    if calendar.isleap(y) and dt.date(y, 2, 29) <= day]
            if leap:
                return dt.date(r.choice(leap), 2, 29)
        birth = _add_years(day, -r.randint(0, 17))  # a birthday falls today, or near it
        return min(day, birth + dt.timedelta(days=r.choice([0, 0, 1, -1, -r.randint(2, 360)])))

    def episode(self, day):
        r, edge = self.r, three_months_before(day)
        closed = min(day, r.choice([edge, edge, edge - dt.timedelta(1), edge + dt.timedelta(1), day,
                                    edge + dt.timedelta(r.randint(2, 40)),
                                    edge - dt.timedelta(r.randint(2, 900))]))
        opened = closed - dt.timedelta(days=r.choice([0, 0, 1, r.randint(2, 800)]))
        return {"unit": r.choice(UNITS), "opened": opened.isoformat(), "closed": closed.isoformat()}

    def child(self, day, full, edge):
        r = self.r
        child = {"child_id": r.choice(["K", "child:", "nhs.", "c_"]) + str(r.randrange(10 ** 9))}
        kind = "born" if full else r.choices(["born", "unborn", "unknown"], [80, 15, 5])[0]
        if kind == "born":
            child["birth_date"] = (day if edge else self.birth_date(day)).isoformat()
        elif kind == "unborn":
            child["expected_birth_date"] = (day + dt.timedelta(r.randint(-14, 280))).isoformat()
        case = "object" if full else r.choice(["absent", "null", "object", "object"])
        if case == "null":
            child["open_case"] = None
        elif case == "object":
            since = day - dt.timedelta(days=r.randint(0, 3000))
            child["open_case"] = {"unit": r.choice(UNITS), "since": since.isoformat()}
        if full or edge or r.random() < 0.7:
            count = r.randint(1, 4) if full or edge else (
                1000 if r.random() < 0.003 else r.randint(0, 4))
            child["episodes"] = [self.episode(day) for _ in range(count)]
            if edge:
                child["episodes"][-1]["closed"] = day.isoformat()
        return child

    def check(self, received, requested=True):
        check = {"agency": self.r.choice(AGENCIES), "rag": self.r.choice(["red", "amber", "green"])}
        if requested:
            utc, frac = split_time(received)
            delta = self.r.choice([0, 0, 1, 59, 3600, 86400, self.r.randint(1, 7 * 86400)])
            # At the same second, a fraction with more digits appended is never earlier.
            frac = frac + self.r.choice(["", "7"]) if delta == 0 else self.r.choice(["", "25", "9" * 9])
            check["requested_at"] = format_time(utc + dt.timedelta(seconds=delta),
                                                self.offset(utc), frac)
        return check

    def contact(self, contact_id, full=False, received=None, edge=False):
        """full: every optional part present, so that any part can be broken."""
        r = self.r
        received = received or self.received_at()
        day = london_date(received)
        c = {"contact_id": contact_id, "received_at": received, "channel": r.choice(CHANNELS),
             "request_type": r.choice(REQUEST_TYPES), "referrer": {"source": r.choice(SOURCES)},
             "child": self.child(day, full, edge)}
        if full or r.random() < 0.5:
            c["referrer"]["organisation"] = r.choice(ORGANISATIONS)
        if full or r.random() < 0.7:
            pool = r.choice([LEVEL2, LEVEL2, LEVEL3, LEVEL4, LEVEL2 + LEVEL3, LEVEL4 + LEVEL3 + LEVEL2])
            c["indicators"] = r.sample(pool, r.randint(1 if full else 0, 6))
        if full or r.random() < 0.5:
            c["factors"] = r.sample(FACTORS, r.randint(1 if full else 0, 5))
        if full or r.random() < 0.6:
            c["risk"] = {f: r.random() < 0.35 for f in RISK_FLAGS if full or r.random() < 0.6}
            if r.random() < 0.15:  # the consent override of section 3
                c["risk"].update(urgent_safety_concern=True, contact_may_increase_risk=True)
        if r.random() < 0.6:
            c["information_sufficient"] = r.random() < 0.5
        if full or r.random() < 0.7:
            c["consent"] = {}
            if full or r.random() < 0.7:
                c["consent"]["parent"] = r.choice(["given", "refused", "not_sought"])
            if full or r.random() < 0.6:
                c["consent"]["child"] = r.choice(["given", "refused", "not_sought", "not_applicable"])
        if full or r.random() < 0.5:
            count = r.randint(1, 4) if full else (50 if r.random() < 0.02 else r.randint(0, 4))
            c["partner_checks"] = [self.check(received, full or r.random() < 0.6)
                                   for _ in range(count)]
        return dict(r.sample(list(c.items()), len(c)))  # member order must not matter


def valid_contacts(seed: int, n: int, holidays_file=None) -> list[dict]:
    b = _Builder(random.Random(seed), _load_holidays(holidays_file))
    # Some contacts are written in an offset that puts received_at's date a day before London's,
    # with a birth or closing on London's date: valid, though the written date says otherwise.
    return [b.contact(f"v{i}" if i % 9 else f"v{i}.".ljust(64, "0"),
                      **({"received": b.crossing_received_at(False), "edge": True}
                         if b.r.random() < 0.06 else {})) for i in range(n)]


# Mutations for invalid contacts: (kind, pointer, candidate values). "*" in a pointer is a random
# index of that list; a callable value is called with (builder, contact, current value).
_TIME_BAD = [lambda s: s[:19], lambda s: s[:16] + "Z", lambda s: s[:10] + "t" + s[11:19] + "Z",
             lambda s: s[:19] + "z", lambda s: s[:10] + " " + s[11:19] + "Z",
             lambda s: s[:19] + "+0100", lambda s: s[:19] + "+24:00", lambda s: s[:19] + "+01:60",
             lambda s: s[:19] + ".Z", lambda s: s[:19] + ",5Z", lambda s: s[:10],
             lambda s: "\u0662" + s[1:19] + "Z", lambda s: s + "\n",
             lambda s: "2023-02-29" + s[10:19] + "Z", lambda s: "2024-04-31" + s[10:19] + "Z",
             lambda s: s[:5] + "13" + s[7:19] + "Z", lambda s: s[:8] + "00" + s[10:19] + "Z",
             lambda s: s[:11] + "25:00:00Z", lambda s: s[:11] + "24:00:00Z",
             lambda s: s[:11] + "23:60:00Z", lambda s: s[:11] + "23:59:60Z"]
_TIME_BAD = [lambda b, c, cur, f=f: f(cur if isinstance(cur, str) else c["received_at"])
             for f in _TIME_BAD]
_DATE_BAD = ["2011-02-29", "2012-02-30", "2011-04-31", "2011-13-01", "2011-00-10", "2011-01-00",
             "2011-1-5", "20110115", "2011-01-15T00:00:00Z", "2011-01-15 ", "2011-01-15\n",
             "\u0662011-01-15", ""]
_UNKNOWN_VALUES = [True, "", 0, None, {}, [], "x"]
EPISODE, CHECK = "/child/episodes/*", "/partner_checks/*"
MUTATIONS = (
    [("missing field", p, None) for p in [
        "/contact_id", "/received_at", "/channel", "/request_type", "/referrer", "/child",
        "/referrer/source", "/child/child_id", "/child/open_case/unit", "/child/open_case/since",
        EPISODE + "/unit", EPISODE + "/opened", EPISODE + "/closed", CHECK + "/agency",
        CHECK + "/rag"]]
    + [("unknown field", p, names) for p, names in [
        ("", ["channnel", "Contact_id", "receivedAt", "notes", "a/b", "m~n", ""]),
        ("/referrer", ["sourse", "name", "Source"]), ("/child", ["episodez", "birthDate", "dob"]),
        ("/child/open_case", ["units", "Since", "closed"]), (EPISODE, ["close", "reason", "Unit"]),
        ("/risk", ["immediate_dangerr", "other"]), ("/consent", ["carer", "Child"]),
        (CHECK, ["requestedAt", "rag_colour", "notes"])]]
    + [("wrong type", p, [v]) for p, v in [
        ("/contact_id", 123), ("/received_at", 1700000000), ("/channel", ["phone"]),
        ("/request_type", True), ("/referrer", "1A"), ("/referrer/source", 6),
        ("/referrer/organisation", 42), ("/child", []), ("/child/child_id", 7),
        ("/child/birth_date", 20240101), ("/child/expected_birth_date", {}),
        ("/child/open_case", "Unit 1"), ("/child/open_case/unit", ["Unit 1"]),
        ("/child/open_case/since", 2024), ("/child/episodes", {}), (EPISODE, "episode"),
        (EPISODE + "/unit", 1), (EPISODE + "/opened", 1.5), (EPISODE + "/closed", False),
        ("/indicators", "bullying"), ("/indicators/*", 1), ("/factors", "1A"), ("/factors/*", 20),
        ("/risk", True), ("/risk/immediate_danger", "true"), ("/risk/significant_harm_suspected", 1),
        ("/risk/urgent_safety_concern", "yes"), ("/risk/contact_may_increase_risk", 0),
        ("/information_sufficient", "false"), ("/consent", "given"), ("/consent/parent", True),
        ("/consent/child", 0), ("/partner_checks", {"agency": "police", "rag": "red"}),
        (CHECK, "police"), (CHECK + "/agency", 5), (CHECK + "/rag", 1), (CHECK + "/requested_at", 0)]]
    + [("null", p, [None]) for p in [  # open_case is the one field that may be null
        "/contact_id", "/received_at", "/channel", "/referrer", "/referrer/source", "/child",
        "/child/birth_date", "/child/open_case/since", "/child/episodes", EPISODE + "/closed",
        "/indicators", "/factors/*", "/risk/immediate_danger", "/information_sufficient",
        "/consent/parent", "/partner_checks", CHECK + "/requested_at"]]
    + [("bad enum", p, v) for p, v in [
        ("/channel", ["fax", "Phone", "walk-in", ""]), ("/request_type", ["referral", "Concern"]),
        ("/referrer/source", ["11", "3G", "1a", "06", ""]),
        ("/indicators/*", ["bulying", "Bullying", "neglect", " bullying"]),
        ("/factors/*", ["8A", "1a", "25", "7B"]), (CHECK + "/rag", ["RED", "yellow", "grey"]),
        ("/consent/parent", ["not_applicable", "Given", "yes"]),
        ("/consent/child", ["yes", "GIVEN", "n/a"])]]
    + 3 * [("pattern", p, v) for p, v in [
        ("/contact_id", ["C 1", "x" * 65, "", "abc\n", "c/1", "\u00e91", "C\t1"]),
        ("/child/child_id", ["K 1", "k" * 65, "", "k#1", "k\n"]),
        (CHECK + "/agency", ["Police", "1police", "", "a" * 41, "police-2", "_police", "police\n"])]]
    + 2 * [("length", p, v) for p, v in [
        ("/referrer/organisation", ["", "x" * 201, "\u00e9" * 201, "\U0001F476" * 201]),
        ("/child/open_case/unit", ["", "u" * 201]), (EPISODE + "/unit", ["", "u" * 201])]]
    + [("too many items", "/child/episodes", [lambda b, c, cur: [
        b.episode(london_date(c["received_at"])) for _ in range(1001)]]),
       ("too many items", "/partner_checks", [lambda b, c, cur: [
           b.check(c["received_at"], b.r.random() < 0.5) for _ in range(51)]])]
    + [("duplicate item", "/indicators", None), ("duplicate item", "/factors", None)]
    + [("bad time", p, _TIME_BAD) for p in ["/received_at"] * 8 + [CHECK + "/requested_at"] * 4]
    + 2 * [("bad date", p, _DATE_BAD) for p in [
        "/child/birth_date", "/child/expected_birth_date", "/child/open_case/since",
        EPISODE + "/opened", EPISODE + "/closed"]]
    + 2 * [("s6", None, kind) for kind in ["both", "born_after", "born_after_written", "closed_first",
                                           "closed_after", "closed_after_written"] + ["requested"] * 3])
KINDS = sorted({kind for kind, _, _ in MUTATIONS})  # the start of every invalid contact's label


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def _short(value):
    if isinstance(value, list) and len(value) > 3:
        return f"<{len(value)} items>"
    text = json.dumps(value)
    if len(text) <= 30:
        return text
    return f"{text[:12]}...<{len(value)} chars>" if isinstance(value, str) else "<object>"


def _locate(r, contact, pointer):
    """Pointer template -> (parent node, key, concrete pointer)."""
    tokens, node, concrete = pointer.split("/")[1:], contact, ""
    for i, token in enumerate(tokens):
        key = r.randrange(len(node)) if token == "*" else token
        concrete += "/" + escape(key)
        if i == len(tokens) - 1:
            return node, key, concrete
        node = node[key]


def _section6(b, c, kind):
    r, child = b.r, c["child"]
    day = london_date(c["received_at"])
    if kind == "both":
        child["expected_birth_date"] = (day + dt.timedelta(r.randint(-30, 200))).isoformat()
        return c, "s6: both birth_date and expected_birth_date /child"
    if kind.endswith("_written"):  # the written date of received_at is London's date plus one
        c = b.contact(c["contact_id"], full=True, received=b.crossing_received_at(True))
        child, written = c["child"], c["received_at"][:10]
    if kind.startswith("born_after"):
        child["birth_date"] = written if kind.endswith("_written") else (
            day + dt.timedelta(r.choice([1, 1, 2, 31, 400]))).isoformat()
        return c, f"s6: {kind} birth_date after London's date of received_at /child/birth_date"
    k = r.randrange(len(child["episodes"]))
    episode = child["episodes"][k]
    if kind == "closed_first":
        closed = dt.date.fromisoformat(episode["closed"])
        episode["opened"] = (closed + dt.timedelta(r.choice([1, 1, 30]))).isoformat()
        return c, f"s6: episode closed before opened /child/episodes/{k}"
    if kind.startswith("closed_after"):
        episode["closed"] = written if kind.endswith("_written") else (
            day + dt.timedelta(r.choice([1, 1, 7, 365]))).isoformat()
        return c, f"s6: {kind} episode closed after London's date of received_at /child/episodes/{k}/closed"
    k = r.randrange(len(c["partner_checks"]))
    utc, frac = split_time(c["received_at"])
    how = r.choice(["second", "day", "wall", "fraction"])
    if how == "fraction" and frac.strip("0"):  # same second, smaller fraction
        text = format_time(utc, b.offset(utc), "0" * len(frac))
    elif how == "wall":  # a later wall clock in a far-east offset, but an earlier instant
        text = format_time(utc - dt.timedelta(minutes=30), "+14:00")
    else:
        how = "second" if how == "fraction" else how
        back = dt.timedelta(seconds=1 if how == "second" else 86400)
        text = format_time(utc - back, b.offset(utc), r.choice(["", "9", "9" * 9]))
    c["partner_checks"][k]["requested_at"] = text
    return c, f"s6: requested_at before received_at ({how}) /partner_checks/{k}/requested_at"


def mutate(b, contact, mutation):
    """Break exactly one thing in a full valid contact; return (contact, label)."""
    kind, pointer, values = mutation
    if kind == "s6":
        return _section6(b, contact, values)
    r = b.r
    if kind == "unknown field":
        parent, _, concrete = _locate(r, contact, pointer + "/?")
        name = r.choice(values)
        parent[name] = r.choice(_UNKNOWN_VALUES)
        return contact, f"unknown field {concrete[:-2]}/{escape(name)}"
    parent, key, concrete = _locate(r, contact, pointer)
    if kind == "missing field":
        del parent[key]
        return contact, f"missing field {concrete}"
    if kind == "duplicate item":
        items = parent[key]
        items.insert(r.randrange(len(items) + 1), r.choice(items))
        return contact, f"duplicate item {concrete}"
    value = r.choice(values)
    if callable(value):
        value = value(b, contact, parent.get(key) if isinstance(parent, dict) else parent[key])
    if concrete == "/child/expected_birth_date":
        parent.pop("birth_date", None)  # else it would also break section 6
    parent[key] = value
    return contact, f"{kind} {concrete}" if kind == "null" else f"{kind} {_short(value)} {concrete}"


def invalid_contacts(seed: int, n: int, holidays_file=None) -> list[tuple[dict, str]]:
    b = _Builder(random.Random(f"invalid-{seed}"), _load_holidays(holidays_file))
    order = list(range(len(MUTATIONS)))
    b.r.shuffle(order)  # round robin over the mutations, so every refusal class is covered
    return [mutate(b, b.contact(f"i{i}", full=True), MUTATIONS[order[i % len(order)]])
            for i in range(n)]
