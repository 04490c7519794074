#!/usr/bin/env node
'use strict';
// Small experiments behind the README's "what each peer can and cannot express". Each probe prints
// what the spec wants and what the peer gave.
//   node probe_capabilities.js [contacts.jsonl malformed-manifest.jsonl]
// With a corpus and its generator manifest, also measures zen's input-node JSON-schema validation.

const fs = require('fs');
const zen = require('@gorules/zen-engine');
const { Engine } = require('json-rules-engine');

function zenExpression(label, expression, wanted) {
  let got;
  try { got = zen.evaluateExpressionSync(expression); } catch (e) { got = `error: ${String(e).split('\n')[0]}`; }
  console.log(`${JSON.stringify(got) === JSON.stringify(wanted) ? 'ok  ' : 'DIFF'} zen ${label}: ${expression} -> ${JSON.stringify(got)} (spec: ${JSON.stringify(wanted)})`);
}

async function zenInputSchema(contactsFile, manifestFile) {
  const schema = fs.readFileSync('/work/shared/spec/contact.schema.json', 'utf8');
  const model = { contentType: 'application/vnd.gorules.decision',
    nodes: [{ id: 'in', type: 'inputNode', name: 'request', content: { schema }, position: { x: 0, y: 0 } },
      { id: 'out', type: 'outputNode', name: 'response', position: { x: 300, y: 0 } }],
    edges: [{ id: 'e', type: 'edge', sourceId: 'in', targetId: 'out' }] };
  const decision = new zen.ZenEngine().createDecision(model);
  const bad = new Map(fs.readFileSync(manifestFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((m) => [m.line, m]));
  const lines = fs.readFileSync(contactsFile, 'utf8').trim().split('\n');
  const accepted = {};
  let refused = 0;
  let wrongly = 0;
  for (let i = 0; i < lines.length; i++) {
    const r = await decision.safeEvaluate(JSON.parse(lines[i]));
    const m = bad.get(i + 1);
    if (!r.success) { refused += 1; if (!m) wrongly += 1; } else if (m) accepted[m.kind] = (accepted[m.kind] || 0) + 1;
  }
  console.log(`zen input-node schema on ${lines.length} contacts (${bad.size} malformed): refused ${refused}, ` +
    `of which valid ${wrongly}; malformed but accepted: ${JSON.stringify(accepted)}`);
}

async function jreEpisodeWindow() {
  const e = new Engine([], { allowUndefinedFacts: true });
  e.addRule({ conditions: { all: [{ fact: 'episodes', path: '$[*].closed', operator: 'someFact:greaterThanInclusive',
    value: { fact: 'window_start' } }] }, event: { type: 'in_window' } });
  const cases = [[['2024-02-29'], true], [['2024-02-28', '2023-12-01'], false], [[], false], [['2023-01-01', '2024-03-01'], true]];
  for (const [closed, wanted] of cases) {
    const r = await e.run({ episodes: closed.map((c) => ({ closed: c })), window_start: '2024-02-29' });
    console.log(`${(r.events.length > 0) === wanted ? 'ok  ' : 'DIFF'} jre some episode closed on/after 2024-02-29 in ${JSON.stringify(closed)}: ${r.events.length > 0}`);
  }
}

(async () => {
  zenExpression('offset in an RFC 3339 string', 'd("2024-05-31T18:30:00+01:00")', '2024-05-31T17:30:00Z');
  zenExpression('London local date', 'd("2024-06-30T23:30:00Z").tz("Europe/London").format("%Y-%m-%d")', '2024-07-01');
  zenExpression('three months before, clamped', 'd("2024-05-31").sub(3, "M").format("%Y-%m-%d")', '2024-02-29');
  zenExpression('three months before, clamped', 'd("2023-05-31").sub(3, "M").format("%Y-%m-%d")', '2023-02-28');
  zenExpression('three months before', 'd("2024-11-30").sub(3, "M").format("%Y-%m-%d")', '2024-08-30');
  zenExpression('24 hours across the clock change', 'd("2024-03-30T12:00:00Z").tz("Europe/London").add(24, "h")', '2024-03-31T13:00:00+01:00');
  zenExpression('an impossible date', 'd("2023-02-30").format("%Y-%m-%d")', 'an error');
  zenExpression('ISO date strings compared', '"2024-03-01" >= "2024-02-29"', true);
  await jreEpisodeWindow();
  if (process.argv[3]) await zenInputSchema(process.argv[2], process.argv[3]);
})();
