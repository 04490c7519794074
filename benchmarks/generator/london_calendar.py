"""Europe/London time and the England-and-Wales working-day calendar, for the contact generator.

Times are handled as integer seconds since 1970-01-01T00:00:00Z ("instants") and local dates as
integer days since 1970-01-01 ("day numbers"), because the generator formats millions of them and
datetime objects are too slow for that. The rules follow section 1 of the Hackney spec:
GMT in winter, BST in summer, changing at 01:00 UTC on the last Sunday of March and of October;
a working day is Monday to Friday except a bank holiday of England and Wales.
"""
import datetime
import json

DAY = 86400
_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def day_number(d):
    """Day number of a datetime.date."""
    return d.toordinal() - _EPOCH_ORDINAL


def date_of(day):
    """datetime.date of a day number."""
    return datetime.date.fromordinal(day + _EPOCH_ORDINAL)


def _last_sunday(year, month):
    d = datetime.date(year, month, 31)
    return d - datetime.timedelta(days=(d.weekday() + 1) % 7)


class LondonCalendar:
    """Offsets, working days and date strings, cached per day number."""

    def __init__(self, bank_holiday_dates):
        self.holidays = {day_number(datetime.date.fromisoformat(s)) for s in bank_holiday_dates}
        self.last_holiday_year = max(date_of(d).year for d in self.holidays)
        self._bst = {}
        self._date_str = {}
        self._year = {}

    @classmethod
    def from_gov_uk_file(cls, path):
        """Loads the gov.uk bank-holidays.json layout (england-and-wales division)."""
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return cls(e["date"] for e in data["england-and-wales"]["events"])

    def bst_bounds(self, year):
        """(start, end) instants of British Summer Time in a year."""
        b = self._bst.get(year)
        if b is None:
            start = day_number(_last_sunday(year, 3)) * DAY + 3600
            end = day_number(_last_sunday(year, 10)) * DAY + 3600
            b = self._bst[year] = (start, end)
        return b

    def offset_at(self, instant):
        """UTC offset in seconds (0 or 3600) of London at an instant."""
        day = instant // DAY
        year = self._year.get(day)
        if year is None:
            year = self._year[day] = date_of(day).year
        start, end = self.bst_bounds(year)
        return 3600 if start <= instant < end else 0

    def date_str(self, day):
        s = self._date_str.get(day)
        if s is None:
            s = self._date_str[day] = date_of(day).isoformat()
        return s

    def is_working_day(self, day):
        # 1970-01-01 was a Thursday: (day + 3) % 7 gives Monday = 0.
        return (day + 3) % 7 < 5 and day not in self.holidays

    def next_working_day(self, day):
        day += 1
        while not self.is_working_day(day):
            day += 1
        return day

    def local_day_kind(self, day):
        """'spring' (01:00-02:00 local missing), 'autumn' (01:00-02:00 local twice) or 'normal'."""
        start, end = self.bst_bounds(date_of(day).year)
        if start // DAY == day:
            return "spring"
        if end // DAY == day:
            return "autumn"
        return "normal"


def three_months_before(d):
    """Same day number three months earlier, clamped to that month's last day (spec section 1)."""
    y, m = (d.year, d.month - 3) if d.month > 3 else (d.year - 1, d.month + 9)
    last = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(y, m, min(d.day, last))


def clock_start_day(cal, local_day, local_seconds, channel):
    """Local day number of the clock start (spec section 1): forms and emails that arrive outside
    office hours (09:00-17:00 on a working day) start at the next office opening."""
    if channel not in ("form", "email"):
        return local_day
    if cal.is_working_day(local_day) and local_seconds < 17 * 3600:
        return local_day  # in office hours, or before 09:00: the same day
    return cal.next_working_day(local_day)
