#!/usr/bin/env bash
# Validates the peers without Frontdoor: their indicator lists against the spec, both peers (and the
# experimental zen-calendar model) against the 10 hand-computed contacts, and the peers against each
# other on a 10,000-contact Hackney corpus from the generator (seed 1, 1% malformed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
cd "$here"
node check_rule_lists.js
for engine in zen jre zen-calendar; do
  node run_peer.js --engine "$engine" --contacts testdata/hand10.contacts.jsonl --out "$out/hand10.$engine.jsonl" >/dev/null
  echo -n "hand10 vs $engine: "
  /usr/bin/python3 compare_outcomes.py --frontdoor testdata/hand10.expected.jsonl --peer "$out/hand10.$engine.jsonl"
done
/usr/bin/python3 ../generator/generate_contacts.py --count 10000 --seed 1 --manifest "$out/hackney10k.malformed.jsonl" > "$out/hackney10k.jsonl"
for engine in zen jre zen-calendar; do
  node run_peer.js --engine "$engine" --contacts "$out/hackney10k.jsonl" --out "$out/hackney10k.$engine.jsonl" | sed 's/^/  /'
done
echo -n "10k: zen vs jre: "
/usr/bin/python3 compare_outcomes.py --frontdoor "$out/hackney10k.zen.jsonl" --peer "$out/hackney10k.jre.jsonl"
echo -n "10k: zen vs zen-calendar: "
/usr/bin/python3 compare_outcomes.py --frontdoor "$out/hackney10k.zen.jsonl" --peer "$out/hackney10k.zen-calendar.jsonl"
/usr/bin/python3 ../generator/mix_report.py --contacts "$out/hackney10k.jsonl" --decisions "$out/hackney10k.zen.jsonl"
echo "outputs in $out"
