'use strict';
// Europe/London time and the England-and-Wales working-day calendar (spec section 1), for the facts
// step that both peer engines share. Instants are integer seconds since 1970-01-01T00:00:00Z; local
// dates are day numbers (days since 1970-01-01). Written by hand rather than with Intl because Intl
// time-zone formatting costs microseconds per call, which would swamp the engines being measured.

const fs = require('fs');
const path = require('path');

const DAY = 86400;
const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DEFAULT_HOLIDAY_FILES = [
  path.join(__dirname, '..', '..', 'rules', 'hackney', 'bank-holidays.json'),
  '/work/shared/spec/bank-holidays.json',
];

function daysInMonth(y, m) {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

// Day number of a civil date, or null when the date does not exist.
function civilDay(y, m, d) {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return Date.UTC(y, m - 1, d) / 1000 / DAY;
}

// "YYYY-MM-DD" to a day number, or null when malformed or impossible.
function parseDate(s) {
  const m = typeof s === 'string' && DATE_RE.exec(s);
  return m ? civilDay(+m[1], +m[2], +m[3]) : null;
}

function formatDate(day) {
  return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}

// RFC 3339 time with seconds and an offset to {instant, fraction}, or null when malformed or impossible.
function parseTime(s) {
  const m = typeof s === 'string' && TIME_RE.exec(s);
  if (!m) return null;
  const day = civilDay(+m[1], +m[2], +m[3]);
  if (day === null || +m[4] > 23 || +m[5] > 59 || +m[6] > 59) return null;
  let offset = 0;
  if (m[8] !== 'Z') {
    if (+m[10] > 23 || +m[11] > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (+m[10] * 3600 + +m[11] * 60);
  }
  return { instant: day * DAY + +m[4] * 3600 + +m[5] * 60 + +m[6] - offset, fraction: m[7] ? Number('0' + m[7]) : 0 };
}

function isBefore(a, b) {
  return a.instant < b.instant || (a.instant === b.instant && a.fraction < b.fraction);
}

class LondonCalendar {
  constructor(holidayDays) {
    this.holidays = new Set(holidayDays);
    this.bst = new Map();
  }

  static fromGovUkFile(file) {
    const f = file || DEFAULT_HOLIDAY_FILES.find((p) => fs.existsSync(p));
    const events = JSON.parse(fs.readFileSync(f, 'utf8'))['england-and-wales'].events;
    return new LondonCalendar(events.map((e) => parseDate(e.date)));
  }

  // BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
  bstBounds(year) {
    let b = this.bst.get(year);
    if (!b) {
      const lastSunday = (month) => { const d = civilDay(year, month, 31); return d - ((d + 4) % 7); };
      b = [lastSunday(3) * DAY + 3600, lastSunday(10) * DAY + 3600];
      this.bst.set(year, b);
    }
    return b;
  }

  offsetAt(instant) {
    const [start, end] = this.bstBounds(new Date(instant * 1000).getUTCFullYear());
    return instant >= start && instant < end ? 3600 : 0;
  }

  // {day, seconds} of the London wall clock at an instant.
  local(instant) {
    const t = instant + this.offsetAt(instant);
    const day = Math.floor(t / DAY);
    return { day, seconds: t - day * DAY };
  }

  isWorkingDay(day) {
    return (day + 3) % 7 < 5 && !this.holidays.has(day); // 1970-01-01 was a Thursday
  }

  nextWorkingDay(day) {
    do day += 1; while (!this.isWorkingDay(day));
    return day;
  }
}

// The same day number three calendar months earlier, clamped to that month's last day.
function threeMonthsBefore(day) {
  const d = new Date(day * DAY * 1000);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1 - 3;
  if (m < 1) { m += 12; y -= 1; }
  return civilDay(y, m, Math.min(d.getUTCDate(), daysInMonth(y, m)));
}

module.exports = { DAY, LondonCalendar, parseDate, parseTime, isBefore, formatDate, threeMonthsBefore };
