"""Breaks one thing in a valid contact, so that the engine must refuse it (spec section 6).

Each breaker changes exactly one thing and returns the JSON path it broke. The first six break
contact.schema.json; the last five are valid JSON-schema-wise but break a section 6 cross-field rule.
"""
import re

from contact_builder import TIMES
from london_calendar import DAY

_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def _ensure_episode(c, rng, cal, local_day):
    eps = c["child"].setdefault("episodes", [])
    if not eps:
        closed = local_day - rng.randint(100, 900)
        eps.append({"unit": "Unit 07", "opened": cal.date_str(closed - 30), "closed": cal.date_str(closed)})
    return eps[0]


def _ensure_check(c, rng):
    checks = c.setdefault("partner_checks", [])
    if not checks:
        checks.append({"agency": "police", "rag": "amber"})
    return checks[0]


def unknown_field(c, rng, ctx):
    where = rng.choice(("", "referrer", "child", "consent", "risk", "episode", "check"))
    name = {"": "indicator", "referrer": "name", "child": "birthdate", "consent": "carer",
            "risk": "immediate", "episode": "reason", "check": "status"}[where]
    target = {"": c, "referrer": c["referrer"], "child": c["child"]}.get(where)
    if where in ("consent", "risk"):
        target = c.setdefault(where, {})
    elif where == "episode":
        target = _ensure_episode(c, rng, ctx["cal"], ctx["local_day"])
    elif where == "check":
        target = _ensure_check(c, rng)
    target[name] = "bullying" if name == "indicator" else "x"
    return f"{where or '$'}.{name}"


def bad_enum(c, rng, ctx):
    k = rng.randrange(7)
    if k == 0:
        c["channel"] = "fax"
    elif k == 1:
        c["request_type"] = "complaint"
    elif k == 2:
        c["referrer"]["source"] = rng.choice(("11", "2C", "6A", "police"))
    elif k == 3:
        c["indicators"] = c.get("indicators", []) + ["neglekt"]
    elif k == 4:
        c["factors"] = c.get("factors", []) + ["25A"]
    elif k == 5:
        c.setdefault("consent", {})["parent"] = "yes"
    else:
        _ensure_check(c, rng)["rag"] = "yellow"
    return ("channel", "request_type", "referrer.source", "indicators", "factors", "consent.parent",
            "partner_checks[0].rag")[k]


def wrong_type(c, rng, ctx):
    k = rng.randrange(5)
    if k == 0:
        c["information_sufficient"] = "yes"
    elif k == 1:
        c["indicators"] = "bullying"
    elif k == 2:
        c.setdefault("risk", {})["immediate_danger"] = "true"
    elif k == 3:
        c["child"]["open_case"] = "Unit 03"
    else:
        c["contact_id"] = 12345
    return ("information_sufficient", "indicators", "risk.immediate_danger", "child.open_case", "contact_id")[k]


def time_without_offset(c, rng, ctx):
    if rng.random() < 0.75:
        c["received_at"] = _OFFSET.sub("", c["received_at"])
        return "received_at"
    check = _ensure_check(c, rng)
    check["requested_at"] = _OFFSET.sub("", c["received_at"])
    return "partner_checks[0].requested_at"


def impossible_date(c, rng, ctx):
    k = rng.randrange(5)
    if k == 0:
        c["received_at"] = c["received_at"][:5] + rng.choice(("02-30", "02-31", "04-31", "13-01", "00-10")) + c["received_at"][10:]
        return "received_at"
    if k == 1:
        c["received_at"] = c["received_at"][:11] + rng.choice(("24", "25")) + c["received_at"][13:]
        return "received_at"
    child = c["child"]
    if k == 2:
        field = "birth_date" if "birth_date" in child else "expected_birth_date"
        child[field] = rng.choice(("2019-02-29", "2021-02-29", "2020-04-31", "2016-06-31"))
        return f"child.{field}"
    if k == 3:
        _ensure_episode(c, rng, ctx["cal"], ctx["local_day"])["closed"] = "2023-11-31"
        return "child.episodes[0].closed"
    child["open_case"] = {"unit": "Unit 02", "since": "2023-02-29"}
    return "child.open_case.since"


def missing_field(c, rng, ctx):
    k = rng.randrange(9)
    if k < 6:
        name = ("contact_id", "received_at", "channel", "request_type", "referrer", "child")[k]
        del c[name]
        return name
    if k == 6:
        del c["referrer"]["source"]
        return "referrer.source"
    if k == 7:
        del c["child"]["child_id"]
        return "child.child_id"
    del _ensure_check(c, rng)["rag"]
    return "partner_checks[0].rag"


def both_birth_dates(c, rng, ctx):
    child, cal, day = c["child"], ctx["cal"], ctx["local_day"]
    child.setdefault("birth_date", cal.date_str(day - 2000))
    child.setdefault("expected_birth_date", cal.date_str(day + 60))
    return "child"


def birth_after_received(c, rng, ctx):
    child = c["child"]
    child.pop("expected_birth_date", None)
    child["birth_date"] = ctx["cal"].date_str(ctx["local_day"] + rng.randint(1, 30))
    return "child.birth_date"


def episode_closed_before_opened(c, rng, ctx):
    ep = _ensure_episode(c, rng, ctx["cal"], ctx["local_day"])
    closed = ctx["local_day"] - rng.randint(100, 900)
    ep["closed"] = ctx["cal"].date_str(closed)
    ep["opened"] = ctx["cal"].date_str(closed + rng.randint(1, 60))
    return "child.episodes[0]"


def episode_closed_after_received(c, rng, ctx):
    ep = _ensure_episode(c, rng, ctx["cal"], ctx["local_day"])
    ep["closed"] = ctx["cal"].date_str(ctx["local_day"] + rng.randint(1, 10))
    return "child.episodes[0].closed"


def partner_check_before_received(c, rng, ctx):
    check = _ensure_check(c, rng)
    day, sec = divmod(ctx["instant"] - rng.randint(1, 7200), DAY)
    check["requested_at"] = f"{ctx['cal'].date_str(day)}T{TIMES[sec]}Z"
    return "partner_checks[0].requested_at"


BREAKERS = ((unknown_field, 15), (bad_enum, 15), (wrong_type, 6), (time_without_offset, 12),
            (impossible_date, 12), (missing_field, 15), (both_birth_dates, 5), (birth_after_received, 5),
            (episode_closed_before_opened, 5), (episode_closed_after_received, 5),
            (partner_check_before_received, 5))


def malform(c, rng, ctx):
    """Breaks c in place; returns (kind, json_path)."""
    breaker = rng.choices([b for b, _ in BREAKERS], weights=[w for _, w in BREAKERS])[0]
    return breaker.__name__, breaker(c, rng, ctx)
