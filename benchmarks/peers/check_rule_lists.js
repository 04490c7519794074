#!/usr/bin/env node
'use strict';
// Checks that both peers' indicator lists are exactly the levels of indicators.md (spec), so that a
// typo in a rule file cannot make the peers agree with each other and both be wrong.
//   node check_rule_lists.js [path/to/indicators.md]

const fs = require('fs');
const path = require('path');
const jre = require('./jre/hackney');

const mdFile = process.argv[2] || '/work/shared/spec/indicators.md';
const spec = {};
let level = null;
for (const line of fs.readFileSync(mdFile, 'utf8').split('\n')) {
  const heading = /^## Level (\d)/.exec(line);
  if (heading) level = Number(heading[1]);
  else if (line.startsWith('## ')) level = null;
  const row = /^\| `([a-z0-9_]+)` \|/.exec(line);
  if (level && row) (spec[level] = spec[level] || []).push(row[1]);
}

const zen = JSON.parse(fs.readFileSync(path.join(__dirname, 'zen', 'hackney.json'), 'utf8'));
const cells = zen.nodes.find((n) => n.id === 'level_of_need').content.rules.map((r) => r.ind).filter(Boolean);
const listIn = (cell) => JSON.parse(/\[.*\]/.exec(cell)[0]);
const zenLists = { 4: listIn(cells[0]), 3: listIn(cells[1]), 2: listIn(cells[2]) };
const jreLists = { 4: jre.LEVEL4, 3: jre.LEVEL3, 2: jre.LEVEL2 };
const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

let failures = 0;
for (const l of [4, 3, 2]) {
  for (const [name, lists] of [['zen', zenLists], ['jre', jreLists]]) {
    if (!same(spec[l], lists[l])) { failures += 1; console.log(`${name}: level ${l} list differs from ${mdFile}`); }
  }
}
if (!same(listIn(cells[3]), spec[2])) { failures += 1; console.log('zen: the level-2 list of row 7 differs from the spec'); }
console.log(failures ? `${failures} list mismatches` : `indicator lists match ${mdFile} (levels 4, 3, 2: ${spec[4].length}, ${spec[3].length}, ${spec[2].length})`);
process.exit(failures ? 1 : 0);
