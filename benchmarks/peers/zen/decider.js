'use strict';
// Loads a JSON Decision Model and returns decide(facts) -> {level_of_need, consent, outcome_code, ...}.
// zen drops outputs whose value is null, so an absent level_of_need means null. decide.reportedMicros
// adds up zen's own "performance" figure (graph evaluation inside the Rust engine), which leaves out
// the crossing from JavaScript to the native module and back through a promise.
const fs = require('fs');
const path = require('path');
const { ZenEngine } = require('@gorules/zen-engine');

const MICROS = { ns: 1e-3, 'µs': 1, ms: 1e3, s: 1e6 };

function createDecider(file = path.join(__dirname, 'hackney.json')) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(fs.readFileSync(file));
  async function decide(facts) {
    const response = await decision.evaluate(facts);
    const m = /([\d.]+)(ns|µs|ms|s)/.exec(response.performance);
    if (m) decide.reportedMicros += Number(m[1]) * MICROS[m[2]];
    return response.result;
  }
  decide.reportedMicros = 0;
  return decide;
}

module.exports = { createDecider };
