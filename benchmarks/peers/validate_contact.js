'use strict';
// Refuses contacts the way spec section 6 asks: contact.schema.json (unknown fields at any depth,
// types, enums, patterns, impossible dates, times without an offset) and the cross-field rules.
// Hand-written rather than a JSON-schema library so that the peers pay a validation cost of the same
// kind as Frontdoor's, without another dependency. Returns null, or {path, expected} for the first
// problem found.

const { parseDate, parseTime, isBefore } = require('./london_time');

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const AGENCY = /^[a-z][a-z0-9_]{0,39}$/;
const words = (s) => new Set(s.split(' '));
const SOURCES = words('1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 5D 6 7 8 9 10');
const FACTORS = words('1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A ' +
  '12A 13A 14A 15A 16A 17A 18B 18C 19B 19C 20 21 22A 23A 24A');
// All indicator ids of contact.schema.json; which level each has is rule data, kept in the peers' rules.
const INDICATORS = words('suspected_non_accidental_injury disclosure_of_abuse sexual_abuse_concern fgm_risk ' +
  'forced_marriage_risk trafficking_concern child_sexual_exploitation child_criminal_exploitation no_carer_abandoned ' +
  'domestic_abuse_marac unborn_high_risk risk_person_in_household severe_neglect_harm persistent_absence_or_exclusion ' +
  'untreated_chronic_health pregnant_under_18 regular_substance_misuse specialist_mental_health_need ' +
  'domestic_abuse_history privately_fostered parent_in_prison young_carer_impacting_education repeat_missing_episodes ' +
  'radicalisation_risk parental_mental_health_impacting_care parental_substance_misuse_impacting_care homeless_family ' +
  'attendance_below_90 missed_health_appointments not_brought_to_appointments early_antisocial_behaviour ' +
  'low_level_emotional_wellbeing young_carer poor_housing low_income_hardship parenting_support_need ' +
  'speech_language_delay bullying family_conflict');

const str = (min, max, re) => ({ kind: 'string', min, max, re });
const oneOf = (set, label) => ({ kind: 'enum', set, label });
const date = { kind: 'date' };
const time = { kind: 'time' };
const bool = { kind: 'boolean' };
const obj = (props, required = []) => ({ kind: 'object', props, required });
const arr = (items, max, unique) => ({ kind: 'array', items, max, unique });

const SCHEMA = obj({
  contact_id: str(1, 64, ID),
  received_at: time,
  channel: oneOf(words('phone form email walk_in police_notification'), 'a channel'),
  request_type: oneOf(words('concern information_request'), 'a request type'),
  referrer: obj({ source: oneOf(SOURCES, 'a referral-source code'), organisation: str(1, 200) }, ['source']),
  child: obj({
    child_id: str(1, 64, ID),
    birth_date: date,
    expected_birth_date: date,
    open_case: { kind: 'nullable', of: obj({ unit: str(1, 200), since: date }, ['unit', 'since']) },
    episodes: arr(obj({ unit: str(1, 200), opened: date, closed: date }, ['unit', 'opened', 'closed']), 1000),
  }, ['child_id']),
  indicators: arr(oneOf(INDICATORS, 'a threshold indicator'), Infinity, true),
  factors: arr(oneOf(FACTORS, 'an assessment-factor code'), Infinity, true),
  risk: obj({ immediate_danger: bool, significant_harm_suspected: bool, urgent_safety_concern: bool,
    contact_may_increase_risk: bool }),
  information_sufficient: bool,
  consent: obj({ parent: oneOf(words('given refused not_sought'), 'a parent consent'),
    child: oneOf(words('given refused not_sought not_applicable'), 'a child consent') }),
  partner_checks: arr(obj({ agency: str(1, 40, AGENCY), rag: oneOf(words('red amber green'), 'a RAG rating'),
    requested_at: time }, ['agency', 'rag']), 50),
}, ['contact_id', 'received_at', 'channel', 'request_type', 'referrer', 'child']);

// Returns null or {segments, expected}; the JSON path is assembled only for a refused contact, on the
// way back up (segments are innermost first).
const bad = (expected) => ({ segments: [], expected });
const within = (err, segment) => { if (err) err.segments.push(segment); return err; };

function check(v, s) {
  switch (s.kind) {
    case 'string':
      if (typeof v !== 'string') return bad('a string');
      if (v.length < s.min || v.length > s.max || (s.re && !s.re.test(v))) return bad(`a string matching ${s.re || `${s.min}-${s.max} characters`}`);
      return null;
    case 'enum': return typeof v === 'string' && s.set.has(v) ? null : bad(s.label);
    case 'boolean': return typeof v === 'boolean' ? null : bad('true or false');
    case 'date': return parseDate(v) !== null ? null : bad('a date YYYY-MM-DD that exists');
    case 'time': return parseTime(v) !== null ? null : bad('an RFC 3339 time with seconds and an offset');
    case 'nullable': return v === null ? null : check(v, s.of);
    case 'array': {
      if (!Array.isArray(v)) return bad('an array');
      if (v.length > s.max) return bad(`at most ${s.max} items`);
      if (s.unique && v.length > 1 && new Set(v).size !== v.length) return bad('unique items');
      for (let i = 0; i < v.length; i++) { const e = check(v[i], s.items); if (e) return within(e, `[${i}]`); }
      return null;
    }
    default: { // object
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('an object');
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(s.props, k)) return within(bad('no such field (unknown field)'), `.${k}`);
        const e = check(v[k], s.props[k]);
        if (e) return within(e, `.${k}`);
      }
      for (const k of s.required) if (!(k in v)) return within(bad('a required field'), `.${k}`);
      return null;
    }
  }
}

// Section 6 cross-field refusals; `cal` gives the local date of received_at.
function crossFieldError(c, cal) {
  const received = parseTime(c.received_at);
  const today = cal.local(received.instant).day;
  const child = c.child;
  if ('birth_date' in child && 'expected_birth_date' in child) return { path: '$.child', expected: 'birth_date or expected_birth_date, not both' };
  if ('birth_date' in child && parseDate(child.birth_date) > today) return { path: '$.child.birth_date', expected: 'a date on or before the local date of received_at' };
  const eps = child.episodes || [];
  for (let i = 0; i < eps.length; i++) {
    const closed = parseDate(eps[i].closed);
    if (closed < parseDate(eps[i].opened)) return { path: `$.child.episodes[${i}].closed`, expected: 'a date on or after opened' };
    if (closed > today) return { path: `$.child.episodes[${i}].closed`, expected: 'a date on or before the local date of received_at' };
  }
  const checks = c.partner_checks || [];
  for (let i = 0; i < checks.length; i++) {
    if ('requested_at' in checks[i] && isBefore(parseTime(checks[i].requested_at), received)) {
      return { path: `$.partner_checks[${i}].requested_at`, expected: 'a time not before received_at' };
    }
  }
  return null;
}

function validateContact(c, cal) {
  const e = check(c, SCHEMA);
  if (e) return { path: '$' + e.segments.reverse().join(''), expected: e.expected };
  return crossFieldError(c, cal);
}

module.exports = { validateContact };
