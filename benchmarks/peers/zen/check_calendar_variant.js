#!/usr/bin/env node
'use strict';
// Differential check: the re-referral unit that zen/hackney_calendar.json works out inside zen against
// the one the shared facts step (prepare_facts.js) computes, contact by contact.
//   node zen/check_calendar_variant.js FILE.jsonl [FILE.jsonl ...]
const fs = require('fs');
const path = require('path');
const { ZenEngine } = require('@gorules/zen-engine');
const { LondonCalendar } = require('../london_time');
const { prepareFacts } = require('../prepare_facts');

const cal = LondonCalendar.fromGovUkFile();
const model = JSON.parse(fs.readFileSync(path.join(__dirname, 'hackney_calendar.json'), 'utf8'));
model.nodes.find((n) => n.id === 'outcome').content.passThrough = true; // keep rereferral_unit in the result

(async () => {
  const decision = new ZenEngine().createDecision(model);
  let failures = 0;
  for (const file of process.argv.slice(2)) {
    let decided = 0;
    let differences = 0;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const contact = JSON.parse(line);
      const shared = prepareFacts(contact, cal);
      if (shared.error) continue;
      const result = (await decision.evaluate(prepareFacts(contact, cal, true).facts)).result;
      decided += 1;
      if ((result.rereferral_unit ?? null) !== shared.facts.rereferral_unit) {
        differences += 1;
        if (differences <= 5) console.log(`  ${contact.contact_id}: zen ${result.rereferral_unit} facts step ${shared.facts.rereferral_unit}`);
      }
    }
    failures += differences;
    console.log(`${file}: ${decided} decided contacts, ${differences} re-referral unit differences`);
  }
  process.exit(failures ? 1 : 0);
})();
