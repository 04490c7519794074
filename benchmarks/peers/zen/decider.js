'use strict';
// Loads the JSON Decision Model and returns decide(facts) -> {level_of_need, consent, outcome_code, ...}.
// zen drops outputs whose value is null, so an absent level_of_need means null.
const fs = require('fs');
const path = require('path');
const { ZenEngine } = require('@gorules/zen-engine');

function createDecider(file = path.join(__dirname, 'hackney.json')) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(fs.readFileSync(file));
  return async function decide(facts) {
    return (await decision.evaluate(facts)).result;
  };
}

module.exports = { createDecider };
