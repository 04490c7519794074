#!/usr/bin/env node
'use strict';
// Writes zen/hackney_calendar.json: hackney.json with one more node in front of the tables, an
// expression node that computes the re-referral unit inside zen (clock start, Europe/London local
// date, working days, the month-clamped window and the episode choice) from the raw received_at,
// channel and episodes, instead of taking it from the shared facts step. It exists to test how much
// of the calendar zen's expression language can carry; see README.md for what it showed.
//
//   node zen/build_calendar_variant.js [bank-holidays.json]
//
// zen cannot read a data file from a model, so the bank holidays are pasted into the expressions as a
// literal list: adding next year's holidays means running this again.

const fs = require('fs');
const path = require('path');

const holidayFile = process.argv[2] || ['../../../rules/hackney/bank-holidays.json', '/work/shared/spec/bank-holidays.json']
  .map((p) => path.resolve(__dirname, p)).find((p) => fs.existsSync(p));
const holidays = JSON.parse(fs.readFileSync(holidayFile, 'utf8'))['england-and-wales'].events.map((e) => e.date);
const HOL = JSON.stringify(holidays);

// zen's d() drops a numeric offset ("...+05:30" is read as UTC wall time), so the offset is parsed by
// hand from the string's last six characters; string slices are inclusive at both ends.
const r = 'received_at';
const offsetMinutes = `endsWith(${r}, "Z") ? 0 : (${r}[len(${r})-6:len(${r})-6] == "-" ? -1 : 1) * ` +
  `(number(${r}[len(${r})-5:len(${r})-4]) * 60 + number(${r}[len(${r})-2:len(${r})-1]))`;
const local = `d(${r}[0:18] + "Z").sub($.calendar_offset_minutes, "m").tz("Europe/London")`;
const working = (day) => `(${day}.weekday() < 6 and not (${day}.format("%Y-%m-%d") in ${HOL}))`;
const nextWorkingDay = `d($.calendar_local_date).add(filter([1..10], ${working('d($.calendar_local_date).add(#, "d")')})[0], "d")`;

const expressions = [
  ['calendar_offset_minutes', offsetMinutes],
  ['calendar_local_date', `${local}.format("%Y-%m-%d")`],
  ['calendar_local_hour', `${local}.hour()`],
  ['calendar_local_working', working('d($.calendar_local_date)')],
  ['calendar_clock_date', `(channel in ["form", "email"]) and not ($.calendar_local_working and $.calendar_local_hour < 17) ` +
    `? ${nextWorkingDay}.format("%Y-%m-%d") : $.calendar_local_date`],
  ['calendar_window_start', 'd($.calendar_clock_date).sub(3, "M").format("%Y-%m-%d")'],
  ['calendar_in_window', 'filter(episodes, d(#.closed).isSameOrAfter(d($.calendar_window_start)))'],
  ['calendar_last_closed', 'len($.calendar_in_window) > 0 ? max(map($.calendar_in_window, d(#.closed).timestamp())) : null'],
  ['calendar_candidates', 'filter($.calendar_in_window, d(#.closed).timestamp() == $.calendar_last_closed)'],
  ['calendar_last_opened', 'len($.calendar_candidates) > 0 ? max(map($.calendar_candidates, d(#.opened).timestamp())) : null'],
  ['rereferral_unit', 'len($.calendar_candidates) > 0 ? filter($.calendar_candidates, ' +
    'd(#.opened).timestamp() == $.calendar_last_opened)[0].unit : null'],
];

const model = JSON.parse(fs.readFileSync(path.join(__dirname, 'hackney.json'), 'utf8'));
model.nodes.splice(1, 0, {
  id: 'calendar', type: 'expressionNode', name: 'Clock start, window and re-referral episode (spec sections 1, 3)',
  position: { x: 150, y: 400 },
  content: { passThrough: true, inputField: null, outputPath: null, executionMode: 'single',
    expressions: expressions.map(([key, value]) => ({ id: key, key, value })) },
});
model.edges.find((e) => e.sourceId === 'request').sourceId = 'calendar';
model.edges.push({ id: 'e0', type: 'edge', sourceId: 'request', targetId: 'calendar' });
fs.writeFileSync(path.join(__dirname, 'hackney_calendar.json'), JSON.stringify(model, null, 2) + '\n');
console.log(`wrote zen/hackney_calendar.json with ${holidays.length} bank holidays from ${holidayFile}`);
