'use strict';
// The facts step shared by both peer engines. It does, in plain JavaScript, what the peers' rule
// languages are not used for (see README.md, "What each peer cannot express"):
//   * refuses bad input (validate_contact.js; neither peer validates its input),
//   * fills the schema's defaults and flattens the record (absent indicators = [], absent risk flags =
//     false, absent consent.parent = not_sought, absent information_sufficient = false),
//   * computes the clock start's local date (Europe/London; forms and emails outside office hours start
//     at the next office opening, which needs the working-day calendar and bank holidays),
//   * computes the re-referral window (three calendar months before that date, clamped to month end)
//     and picks the re-referral episode (closed in the window; latest closed, then latest opened, then
//     first in the list), giving its unit or null.
// Everything else (the level of need, consent state, the outcome table) is left to the peers' rules.

const { parseTime, formatDate, threeMonthsBefore } = require('./london_time');
const { validateContact } = require('./validate_contact');

// Local day number of the clock start (spec section 1).
function clockStartDay(cal, received, channel) {
  const { day, seconds } = cal.local(received.instant);
  if (channel !== 'form' && channel !== 'email') return day;
  if (cal.isWorkingDay(day) && seconds < 17 * 3600) return day; // in hours, or before 09:00: same day
  return cal.nextWorkingDay(day);
}

// Unit of the episode that makes this a re-referral, or null.
function rereferralUnit(episodes, windowStart) {
  let best = null;
  for (const ep of episodes) {
    if (ep.closed < windowStart) continue; // ISO dates compare as strings
    if (!best || ep.closed > best.closed || (ep.closed === best.closed && ep.opened > best.opened)) best = ep;
  }
  return best ? best.unit : null;
}

// Returns {facts} for a valid contact or {error: {path, expected}} for one the spec refuses.
// With rawCalendar (for zen/hackney_calendar.json, which works out the re-referral itself), the facts
// carry received_at, channel and episodes instead of rereferral_unit.
function prepareFacts(c, cal, rawCalendar = false) {
  const error = validateContact(c, cal);
  if (error) return { error };
  const child = c.child;
  const risk = c.risk || {};
  const openCase = child.open_case != null;
  const episodes = child.episodes || [];
  const facts = {
    request_type: c.request_type,
    open_case: openCase,
    open_case_unit: openCase ? child.open_case.unit : null,
    indicators: c.indicators || [],
    immediate_danger: risk.immediate_danger === true,
    significant_harm_suspected: risk.significant_harm_suspected === true,
    urgent_safety_concern: risk.urgent_safety_concern === true,
    contact_may_increase_risk: risk.contact_may_increase_risk === true,
    information_sufficient: c.information_sufficient === true,
    consent_parent: (c.consent && c.consent.parent) || 'not_sought',
  };
  if (rawCalendar) {
    Object.assign(facts, { received_at: c.received_at, channel: c.channel, episodes });
  } else if (episodes.length) {
    const windowStart = formatDate(threeMonthsBefore(clockStartDay(cal, parseTime(c.received_at), c.channel)));
    facts.rereferral_unit = rereferralUnit(episodes, windowStart);
  } else {
    facts.rereferral_unit = null;
  }
  return { facts };
}

module.exports = { prepareFacts, clockStartDay, rereferralUnit };
