#!/usr/bin/env node
'use strict';
// Decides every contact of a JSON-lines file with one peer engine and reports timings.
//
//   node run_peer.js --engine zen|jre|zen-calendar --contacts FILE.jsonl --out decisions.jsonl [--repeat K]
//                    [--bank-holidays FILE]
//
// zen-calendar is the experimental zen model that computes the re-referral window itself
// (zen/hackney_calendar.json, made by zen/build_calendar_variant.js).
//
// Output: one line per input line, in order: {"contact_id","level_of_need","outcome_code"}, or
// {"line": N, "error": {"path", "expected"}} for a contact the spec refuses (or a line that is not JSON).
// Timing (process.hrtime.bigint, inside node): reading, JSON parsing, the facts step and the engine are
// measured separately. "per decision" is facts step + engine for one contact, awaited one at a time
// (no overlap between contacts); "engine only" leaves the facts step out. With --repeat K the file is
// streamed K times; output is written on the first pass and the statistics cover all passes.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { LondonCalendar } = require('./london_time');
const { prepareFacts } = require('./prepare_facts');

function parseArgs(argv) {
  const a = { repeat: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '').replace(/-/g, '_');
    a[k] = k === 'repeat' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!['zen', 'jre', 'zen-calendar'].includes(a.engine) || !a.contacts || !a.out || !(a.repeat >= 1)) {
    console.error('usage: node run_peer.js --engine zen|jre|zen-calendar --contacts FILE.jsonl --out decisions.jsonl [--repeat K]');
    process.exit(2);
  }
  return a;
}

// Yields the lines of a file, reading 4 MiB at a time; adds the read time to timer.read.
function* lines(file, timer) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 22);
  let rest = '';
  for (;;) {
    const t0 = process.hrtime.bigint();
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    const parts = (rest + buf.toString('utf8', 0, n)).split('\n');
    timer.read += process.hrtime.bigint() - t0;
    if (n === 0) break;
    rest = parts.pop();
    yield* parts;
  }
  fs.closeSync(fd);
  if (rest) yield rest;
}

class Samples {
  constructor() { this.a = new Float64Array(1 << 16); this.n = 0; }
  push(ns) {
    if (this.n === this.a.length) { const b = new Float64Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = ns;
  }
  summary() {
    const s = this.a.subarray(0, this.n).sort();
    const at = (q) => s[Math.min(this.n - 1, Math.floor(q * this.n))] / 1000;
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += s[i];
    return `mean ${(sum / this.n / 1000).toFixed(2)} us, median ${at(0.5).toFixed(2)} us, p99 ${at(0.99).toFixed(2)} us`;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cal = LondonCalendar.fromGovUkFile(args.bank_holidays);
  const rawCalendar = args.engine === 'zen-calendar';
  const decide = args.engine === 'jre' ? require('./jre/hackney').createDecider()
    : require('./zen/decider').createDecider(path.join(__dirname, 'zen', rawCalendar ? 'hackney_calendar.json' : 'hackney.json'));
  const timer = { read: 0n, parse: 0n, facts: 0n, engine: 0n, write: 0n };
  const perDecision = new Samples();
  const engineOnly = new Samples();
  let decided = 0;
  let refused = 0;
  const load0 = os.loadavg()[0];
  const wall0 = process.hrtime.bigint();
  for (let pass = 1; pass <= args.repeat; pass++) {
    const out = pass === 1 ? fs.openSync(args.out, 'w') : null;
    let pending = [];
    let lineNo = 0;
    for (const text of lines(args.contacts, timer)) {
      lineNo += 1;
      if (!text.trim()) continue;
      const t0 = process.hrtime.bigint();
      let contact;
      try { contact = JSON.parse(text); } catch (e) { contact = undefined; }
      const t1 = process.hrtime.bigint();
      let record;
      const prepared = contact === undefined ? { error: { path: '$', expected: 'a JSON object' } } : prepareFacts(contact, cal, rawCalendar);
      const t2 = process.hrtime.bigint();
      if (prepared.error) {
        record = { line: lineNo, error: prepared.error };
        refused += 1;
      } else {
        const r = await decide(prepared.facts);
        const t3 = process.hrtime.bigint();
        timer.engine += t3 - t2;
        perDecision.push(Number(t3 - t1));
        engineOnly.push(Number(t3 - t2));
        record = { contact_id: contact.contact_id, level_of_need: r.level_of_need ?? null, outcome_code: r.outcome_code };
        decided += 1;
      }
      timer.parse += t1 - t0;
      timer.facts += t2 - t1;
      if (out !== null) {
        const t4 = process.hrtime.bigint();
        pending.push(JSON.stringify(record));
        if (pending.length === 10000) { fs.writeSync(out, pending.join('\n') + '\n'); pending = []; }
        timer.write += process.hrtime.bigint() - t4;
      }
    }
    if (out !== null) { if (pending.length) fs.writeSync(out, pending.join('\n') + '\n'); fs.closeSync(out); }
  }
  report(args, timer, perDecision, engineOnly, decided, refused, process.hrtime.bigint() - wall0, decide.reportedMicros, load0);
}

function report(args, timer, perDecision, engineOnly, decided, refused, wall, reportedMicros, load0) {
  const s = (ns) => (Number(ns) / 1e9).toFixed(2);
  const inside = timer.facts + timer.engine;
  console.log(`engine ${args.engine}, ${args.contacts}, ${args.repeat} pass(es): ${decided} decided, ${refused} refused`);
  console.log(`  wall ${s(wall)} s = read ${s(timer.read)} s + JSON.parse ${s(timer.parse)} s + facts step ${s(timer.facts)} s` +
    ` + engine ${s(timer.engine)} s + output ${s(timer.write)} s + loop overhead`);
  console.log(`  throughput (facts step + engine): ${Math.round((decided + refused) / (Number(inside) / 1e9))} contacts/s; ` +
    `engine only: ${Math.round(decided / (Number(timer.engine) / 1e9))} decisions/s`);
  console.log(`  per decision (facts step + engine): ${perDecision.summary()}`);
  console.log(`  per decision (engine only):         ${engineOnly.summary()}`);
  if (reportedMicros !== undefined) console.log(`  zen's own reported evaluation time: mean ${(reportedMicros / decided).toFixed(2)} us`);
  console.log(`  load average (1 min) at start ${load0.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}; ${os.cpus().length} CPUs`);
}

main().catch((e) => { console.error(e); process.exit(1); });
