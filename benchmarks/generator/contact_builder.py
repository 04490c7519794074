"""Builds one valid contact (a dict in the shape of contact.schema.json) aimed at an outcome row.

The builder knows the Hackney tables only well enough to aim: it picks the row first (by the
profile's shares), then indicators, risk flags, consent, open case and episodes that lead there.
Edge cases are mixed in on purpose: exactly three level-2 indicators, a level-2 contact with the
consent-override flags (no override at level 2), re-referral episodes closed exactly on the first
day of the three-month window or the day before it, windows seen from a form's next-office-opening
clock start, 29 February births, unborn children, times in BST, GMT, UTC and foreign offsets.
"""
import calendar
import datetime
import itertools

import contact_mix as mix
from london_calendar import DAY, clock_start_day, date_of, day_number, three_months_before

TIMES = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY)]
OFFSETS = {0: "+00:00", 3600: "+01:00", 7200: "+02:00", -18000: "-05:00", 19800: "+05:30"}


def _cum(weights):
    return list(itertools.accumulate(weights))


class ContactBuilder:
    def __init__(self, rng, cal, profile, count, seed):
        self.rng, self.cal = rng, cal
        self.prefix = f"{profile['id_prefix']}{seed}-"
        self.row_cum = _cum(profile["rows"])
        self.rereferral_p = mix.rereferral_probability(profile)
        self.ref_sources, self.ref_cum = list(mix.REFERRAL_SOURCES), _cum(mix.REFERRAL_SOURCES.values())
        self.oth_sources, self.oth_cum = list(mix.OTHER_SOURCES), _cum(mix.OTHER_SOURCES.values())
        self.channels = {k: ([c for c, _ in v], _cum(w for _, w in v)) for k, v in mix.CHANNELS_BY_SOURCE.items()}
        self.age_cum = _cum(mix.AGE_WEIGHTS)
        self.child_pool = max(1000, int(count * 0.75))

    # -- times ---------------------------------------------------------------------------------
    def format_instant(self, instant, style=None):
        """RFC 3339 text of an instant: mostly London local with its offset, some UTC 'Z', a few with a
        fraction of a second or another zone's offset (the same instant)."""
        r = self.rng.random() if style is None else style
        if r < 0.84 or 0.96 <= r < 0.98:
            off = self.cal.offset_at(instant)
        elif r < 0.96:
            day, sec = divmod(instant, DAY)
            return f"{self.cal.date_str(day)}T{TIMES[sec]}Z"
        else:
            off = self.rng.choice((7200, -18000, 19800))
        day, sec = divmod(instant + off, DAY)
        frac = "." + str(self.rng.randrange(1, 1000000)).zfill(6)[: self.rng.randint(1, 6)] if 0.96 <= r < 0.98 else ""
        return f"{self.cal.date_str(day)}T{TIMES[sec]}{frac}{OFFSETS[off]}"

    # -- the contact ---------------------------------------------------------------------------
    def build(self, seq, instant, local_day, local_secs):
        rng = self.rng
        row = mix.ROWS[self._pick(self.row_cum)]
        referral = row in mix.REFERRAL_ROWS
        source = self._source(referral)
        channel = self._channel(source)
        c = {"contact_id": f"{self.prefix}{seq:08d}", "received_at": self.format_instant(instant),
             "channel": channel,
             "request_type": "information_request" if row.startswith("info") else "concern",
             "referrer": {"source": source}}
        if source in mix.ORGANISATIONS and rng.random() < 0.7:
            c["referrer"]["organisation"] = mix.ORGANISATIONS[source]
        child, age = self._child(local_day)
        c["child"] = child
        level = {"level4": 4, "level3_consent": 3, "level3_sufficient": 3, "level3_screening": 3,
                 "level2_consent": 2, "level2_early_help": 2, "level1": 1}.get(row) or rng.choice((1, 2, 2, 3, 4))
        self._need(c, level)
        self._consent_and_sufficiency(c, row, level, age)
        if row in ("info_open_case", "open_case"):
            child["open_case"] = {"unit": rng.choice(mix.UNITS),
                                  "since": self.cal.date_str(local_day - rng.randint(0, 900))}
        elif rng.random() < 0.2:
            child["open_case"] = None
        self._episodes(child, row, local_day, clock_start_day(self.cal, local_day, local_secs, channel))
        if rng.random() < (0.6 if level >= 3 else 0.15):
            self._partner_checks(c, instant)
        if rng.random() < 0.4:
            c["factors"] = rng.sample(mix.FACTORS, rng.randint(1, 3))
        return c, row

    def _pick(self, cum):
        r = self.rng.random() * cum[-1]
        for i, w in enumerate(cum):
            if r < w:
                return i
        return len(cum) - 1

    def _source(self, referral):
        if referral:
            return self.ref_sources[self._pick(self.ref_cum)]
        return self.oth_sources[self._pick(self.oth_cum)]

    def _channel(self, source):
        key = source if source in ("6", "9") else "individual" if source.startswith("1") else "other"
        names, cum = self.channels[key]
        return names[self._pick(cum)]

    def _child(self, local_day):
        rng = self.rng
        child = {"child_id": f"CH{int(rng.random() * self.child_pool):07d}"}
        r = rng.random()
        if r < 0.03:
            child["expected_birth_date"] = self.cal.date_str(local_day + rng.randint(7, 200))
            return child, None
        age = self._pick(self.age_cum)
        if r < 0.034:  # born on 29 February
            year = date_of(local_day).year - age
            while not calendar.isleap(year) or day_number(datetime.date(year, 2, 29)) > local_day:
                year -= 1
            birth = day_number(datetime.date(year, 2, 29))
        elif r < 0.036:  # born on the contact's local date (age 0, the boundary)
            birth, age = local_day, 0
        else:
            birth = local_day - int((age + rng.random()) * 365.2425)
        child["birth_date"] = self.cal.date_str(birth)
        return child, (local_day - birth) // 365  # rough age, only to pick child consent

    def _need(self, c, level):
        """Indicators and risk flags for a level of need."""
        rng, ind, risk = self.rng, [], {}
        if level == 4:
            r = rng.random()
            if r < 0.70:
                ind += rng.sample(mix.LEVEL4, 1 if r < 0.55 else 2)
            elif r < 0.85:
                risk["significant_harm_suspected"] = True
            elif r < 0.93:
                risk["immediate_danger"] = True
                if rng.random() < 0.5:
                    ind.append(rng.choice(mix.LEVEL4))
            else:
                risk["significant_harm_suspected"] = True
                ind.append(rng.choice(mix.LEVEL4))
            if rng.random() < 0.3:
                ind += rng.sample(mix.LEVEL3 + mix.LEVEL2, rng.randint(1, 2))
        elif level == 3:
            if rng.random() < 0.75:
                ind += rng.sample(mix.LEVEL3, rng.randint(1, 2)) + rng.sample(mix.LEVEL2, rng.randint(0, 2))
            else:
                ind += rng.sample(mix.LEVEL2, rng.choice((3, 3, 3, 4, 5)))
        elif level == 2:
            ind += rng.sample(mix.LEVEL2, rng.randint(1, 2))
        if ind or rng.random() < 0.5:
            rng.shuffle(ind)
            c["indicators"] = list(dict.fromkeys(ind))
        if risk or rng.random() < 0.5:
            for flag in ("immediate_danger", "significant_harm_suspected"):
                if flag not in risk and rng.random() < 0.3:
                    risk[flag] = False
            c["risk"] = risk

    def _consent_and_sufficiency(self, c, row, level, age):
        rng = self.rng
        override = False
        if row in ("level3_sufficient", "level3_screening", "level2_early_help"):
            given = row == "level2_early_help" or rng.random() < 0.8
            override = not given
        elif row in ("level3_consent", "level2_consent"):
            given = False
            override = row == "level2_consent" and rng.random() < 0.15  # no override at level 2
        else:
            given = rng.random() < 0.3
            override = rng.random() < 0.2
        consent = {}
        if given:
            consent["parent"] = "given"
        elif rng.random() < 0.75:
            consent["parent"] = rng.choice(("refused", "not_sought"))
        if rng.random() < 0.7:
            consent["child"] = rng.choice(("given", "refused", "not_sought", "not_sought", "not_applicable")
                                          if age is not None and age >= 10 else ("not_applicable",))
        if consent or rng.random() < 0.5:
            c["consent"] = consent
        if override:
            risk = c.setdefault("risk", {})
            risk["urgent_safety_concern"] = risk["contact_may_increase_risk"] = True
        elif row == "level3_consent" and rng.random() < 0.3:  # half an override is no override
            c.setdefault("risk", {})[rng.choice(("urgent_safety_concern", "contact_may_increase_risk"))] = True
        if row == "level3_sufficient":
            c["information_sufficient"] = True
        elif row == "level3_screening":
            if rng.random() < 0.5:
                c["information_sufficient"] = False
        elif rng.random() < 0.3:
            c["information_sufficient"] = rng.random() < 0.5

    def _episodes(self, child, row, local_day, clock_day):
        """Closed episodes. For rows 4 and 6 the re-referral window decides the outcome, so they are
        placed on the chosen side of it (sometimes on its first day, or the day before)."""
        rng = self.rng
        window = day_number(three_months_before(date_of(clock_day)))
        eps = []
        rereferral = row in mix.REREFERRAL_ROWS and rng.random() < self.rereferral_p
        if rereferral:
            closed = window if rng.random() < 0.05 else rng.randint(window, local_day)
            eps.append(closed)
            if rng.random() < 0.2:  # a second episode, sometimes closed the same day
                eps.append(closed if rng.random() < 0.5 else rng.randint(window, local_day))
        elif row in mix.REREFERRAL_ROWS or rng.random() < 0.35:
            if row in mix.REREFERRAL_ROWS or rng.random() < 0.5:
                if rng.random() < 0.4:
                    eps.append(window - 1 if rng.random() < 0.1 else window - rng.randint(1, 1500))
            else:
                eps.append(rng.randint(window, local_day))  # recent, but the row ignores it
        if rng.random() < 0.2:
            eps.append(window - rng.randint(1, 2000))
        if eps or rng.random() < 0.3:
            rng.shuffle(eps)
            date_str = self.cal.date_str
            child["episodes"] = [{"unit": rng.choice(mix.UNITS), "opened": date_str(closed - rng.randint(0, 400)),
                                  "closed": date_str(closed)} for closed in eps]

    def _partner_checks(self, c, instant):
        rng = self.rng
        checks = []
        for agency in rng.sample(mix.AGENCIES, rng.randint(1, 3)):
            pc = {"agency": agency, "rag": rng.choice(("red", "amber", "amber", "green"))}
            if rng.random() < 0.6:
                pc["requested_at"] = self.format_instant(instant + rng.randint(1, 48 * 3600))
            checks.append(pc)
        c["partner_checks"] = checks
