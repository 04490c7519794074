'use strict';
// The Hackney level-of-need table (spec section 2), consent state (section 3, "Consent") and outcome
// table (section 3, rows 1-10) as json-rules-engine rules. Input: the facts from prepare_facts.js.
//
// json-rules-engine fires every rule whose conditions hold; the spec's tables are "first row that
// matches wins". Each table is therefore its own Engine, each row a rule with a descending priority
// (one row per priority set, so rows run one after another), and the first success stops the engine.
// The three tables run in order; the level and consent a table decides become facts of the next.
//
// Not expressible in plain rule JSON, so added as one custom operator: "at least N of these values in
// the fact array" (needed for "three or more different level-2 indicators"; the alternative in pure
// JSON is one all-of block per 3-combination of the 12 level-2 indicators, 220 blocks).

const { Engine } = require('json-rules-engine');

const LEVEL4 = ['suspected_non_accidental_injury', 'disclosure_of_abuse', 'sexual_abuse_concern', 'fgm_risk',
  'forced_marriage_risk', 'trafficking_concern', 'child_sexual_exploitation', 'child_criminal_exploitation',
  'no_carer_abandoned', 'domestic_abuse_marac', 'unborn_high_risk', 'risk_person_in_household', 'severe_neglect_harm'];
const LEVEL3 = ['persistent_absence_or_exclusion', 'untreated_chronic_health', 'pregnant_under_18',
  'regular_substance_misuse', 'specialist_mental_health_need', 'domestic_abuse_history', 'privately_fostered',
  'parent_in_prison', 'young_carer_impacting_education', 'repeat_missing_episodes', 'radicalisation_risk',
  'parental_mental_health_impacting_care', 'parental_substance_misuse_impacting_care', 'homeless_family'];
const LEVEL2 = ['attendance_below_90', 'missed_health_appointments', 'not_brought_to_appointments',
  'early_antisocial_behaviour', 'low_level_emotional_wellbeing', 'young_carer', 'poor_housing', 'low_income_hardship',
  'parenting_support_need', 'speech_language_delay', 'bullying', 'family_conflict'];
const THREE_OR_MORE = 3;

const is = (fact, value) => ({ fact, operator: 'equal', value });
const isNot = (fact, value) => ({ fact, operator: 'notEqual', value });
const anyOf = (fact, values) => ({ fact, operator: 'someFact:in', value: values }); // built-in decorator

// Each table: [conditions (all must hold), event params] in row order; the first match wins.
const LEVEL_TABLE = [
  [[is('request_type', 'information_request')], { level_of_need: null }],
  [[is('immediate_danger', true)], { level_of_need: 4 }],
  [[is('significant_harm_suspected', true)], { level_of_need: 4 }],
  [[anyOf('indicators', LEVEL4)], { level_of_need: 4 }],
  [[anyOf('indicators', LEVEL3)], { level_of_need: 3 }],
  [[{ fact: 'indicators', operator: 'atLeastNOf', value: { n: THREE_OR_MORE, of: LEVEL2 } }], { level_of_need: 3 }],
  [[anyOf('indicators', LEVEL2)], { level_of_need: 2 }],
  [[], { level_of_need: 1 }],
];

const CONSENT_TABLE = [
  [[is('request_type', 'information_request')], { consent: 'not_applicable' }],
  [[is('open_case', true)], { consent: 'not_applicable' }],
  [[is('level_of_need', 1)], { consent: 'not_applicable' }],
  [[is('consent_parent', 'given')], { consent: 'given' }],
  [[{ fact: 'level_of_need', operator: 'in', value: [3, 4] }, is('urgent_safety_concern', true),
    is('contact_may_increase_risk', true)], { consent: 'overridden' }],
  [[is('level_of_need', 4)], { consent: 'not_required_significant_harm' }],
  [[], { consent: 'not_obtained' }],
];

const OPEN_UNIT = { fact: 'open_case_unit' };
const REREFERRAL_UNIT = { fact: 'rereferral_unit' };
const OUTCOME_TABLE = [
  [[is('request_type', 'information_request'), is('open_case', true)],
    { outcome_code: 'pass_to_allocated_unit', unit: OPEN_UNIT, protocol: '§4 timescale 5' }],
  [[is('request_type', 'information_request')], { outcome_code: 'respond_to_information_request', protocol: '§4 timescale 6' }],
  [[is('open_case', true)], { outcome_code: 'pass_to_allocated_unit', unit: OPEN_UNIT, protocol: '§4 timescale 2' }],
  [[is('level_of_need', 4), isNot('rereferral_unit', null)],
    { outcome_code: 're_refer_to_unit', section: 'S47', unit: REREFERRAL_UNIT, protocol: '§4 B, timescale 1' }],
  [[is('level_of_need', 4)], { outcome_code: 'progress_to_assessment', section: 'S47', protocol: '§4 B, timescale 1' }],
  [[is('level_of_need', 3), is('consent', 'not_obtained')], { outcome_code: 'consent_required', protocol: '§7' }],
  [[is('level_of_need', 3), is('information_sufficient', true), isNot('rereferral_unit', null)],
    { outcome_code: 're_refer_to_unit', section: 'S17', unit: REREFERRAL_UNIT, protocol: '§4 B' }],
  [[is('level_of_need', 3), is('information_sufficient', true)],
    { outcome_code: 'progress_to_assessment', section: 'S17', protocol: '§4 B' }],
  [[is('level_of_need', 3)], { outcome_code: 'csc_screening', protocol: '§4 C, timescale 3' }],
  [[is('level_of_need', 2), isNot('consent_parent', 'given')], { outcome_code: 'consent_required', protocol: '§7' }],
  [[is('level_of_need', 2)], { outcome_code: 'early_help_screening', protocol: '§4 D, timescale 4' }],
  [[], { outcome_code: 'no_further_action', protocol: '§4 A' }],
];

// A first-hit table: one rule per row, highest priority first; the first success stops the engine.
function firstHitEngine(name, rows) {
  const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: true });
  engine.addOperator('atLeastNOf', (factValue, { n, of }) => factValue.filter((v) => of.includes(v)).length >= n);
  rows.forEach(([conditions, params], i) => {
    engine.addRule({
      name: `${name} row ${i + 1}`,
      priority: rows.length - i,
      // An empty all-of holds; json-rules-engine needs at least the key.
      conditions: { all: conditions },
      event: { type: name, params },
    });
  });
  engine.on('success', () => { engine.stop(); });
  return engine;
}

function createDecider() {
  const level = firstHitEngine('level_of_need', LEVEL_TABLE);
  const consent = firstHitEngine('consent', CONSENT_TABLE);
  const outcome = firstHitEngine('outcome', OUTCOME_TABLE);
  const first = async (engine, facts) => (await engine.run(facts)).events[0].params;
  return async function decide(facts) {
    const withLevel = { ...facts, ...(await first(level, facts)) };
    const withConsent = { ...withLevel, ...(await first(consent, withLevel)) };
    const out = await first(outcome, withConsent);
    return { level_of_need: withLevel.level_of_need, consent: withConsent.consent, ...out };
  };
}

module.exports = { createDecider, LEVEL4, LEVEL3, LEVEL2 };
