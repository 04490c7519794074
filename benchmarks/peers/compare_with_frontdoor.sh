#!/usr/bin/env bash
# Frontdoor side by side with zen-engine and json-rules-engine, with one command:
#
#   benchmarks/peers/compare_with_frontdoor.sh [--build DIR] [--contacts FILE | --count N --seed S --profile P]
#                                              [--rounds R] [--repeat K] [--out DIR]
#
# 1. the corpus: FILE, or generate_contacts.py --count N (default 10000) --seed S (1) --profile P (hackney);
# 2. the decisions: `frontdoor eval --jsonl` and both peers (run_peer.js) decide every line;
# 3. agreement: compare_outcomes.py checks that each peer gives the same contact_id, level_of_need and
#    outcome code as Frontdoor on every line, and that both refuse the same lines; any disagreement
#    is listed and the script exits 1;
# 4. timing, in the same run: R rounds (default 3), each running in turn bench_decide (Frontdoor per
#    decision, REPEAT K passes), run_peer.js for zen and for json-rules-engine (K passes each), and
#    `frontdoor eval --jsonl` end to end with and without the explanation; nothing is pinned to a core;
# 5. summarise_comparison.py prints the per-decision figures of every round and the ratios
#    Frontdoor / peer of the medians across rounds.
# The peers decide less than the Hackney pack does (level of need and outcome, from facts a
# JavaScript step prepared). So that the engines are also compared on the same logic, each round
# also times Frontdoor on the Hackney pack with its output cut to what the peers give (contact id,
# level of need, outcome; made in OUT/same-logic from rules/hackney); Frontdoor still works out the
# clock start, the re-referral window and episode, and consent itself. Its decisions are checked
# against the peers' like the full pack's.
# DIR is the build directory holding frontdoor and benchmarks/bench_decide (default build-bench).
# Outputs and logs go to --out (default: a new temporary directory). Needs node (setup.sh is run
# when node_modules is missing) and /usr/bin/python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$repo/build-bench" contacts="" count=10000 seed=1 profile=hackney rounds=3 repeat=3 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$(cd "$2" && pwd)"; shift 2 ;;
    --contacts) contacts="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --profile) profile="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "compare_with_frontdoor.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
out="${out:-$(mktemp -d)}"
mkdir -p "$out"
frontdoor="$build/frontdoor" bench="$build/benchmarks/bench_decide" rules="$repo/rules/hackney"
for program in "$frontdoor" "$bench"; do
  [ -x "$program" ] || { echo "missing $program: build with -DFRONTDOOR_BENCHMARKS=ON (see docs/performance.md)" >&2; exit 2; }
done
[ -d "$here/node_modules/@gorules/zen-engine" ] || "$here/setup.sh"
log() { echo "== $* ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"; }

if [ -z "$contacts" ]; then
  contacts="$out/contacts.jsonl"
  log "generating $count $profile contacts, seed $seed"
  /usr/bin/python3 "$repo/benchmarks/generator/generate_contacts.py" --count "$count" --seed "$seed" --profile "$profile" \
    --manifest "$out/malformed.jsonl" > "$contacts"
fi
echo "corpus: $contacts ($(wc -l < "$contacts") lines); machine: $(nproc) cores, $(node --version), $(git -C "$repo" rev-parse --short HEAD)"

same_logic="$out/same-logic"
rm -rf "$same_logic" && cp -r "$rules" "$same_logic" && rm -rf "$same_logic/scenarios"
cat > "$same_logic/output.rules" <<'RULES'
# The peers' logic only (benchmarks/peers/compare_with_frontdoor.sh): what they decide.
output times in office
  contact_id = contact.contact_id
  level_of_need = level_of_need
  outcome = outcome
RULES

log "deciding with Frontdoor and both peers"
"$frontdoor" eval --rules "$rules" --jsonl "$contacts" > "$out/frontdoor.jsonl" || [ $? -eq 1 ]  # 1: some lines refused
"$frontdoor" eval --rules "$same_logic" --jsonl "$contacts" > "$out/frontdoor-same-logic.jsonl" 2> "$out/same-logic.log" \
  || [ $? -eq 1 ]
for engine in zen jre; do
  node "$here/run_peer.js" --engine "$engine" --contacts "$contacts" --out "$out/$engine.jsonl" > "$out/$engine.decide.log"
done

status=0
for engine in zen jre; do
  for side in frontdoor frontdoor-same-logic; do
    log "agreement: $side vs $engine"
    /usr/bin/python3 "$here/compare_outcomes.py" --frontdoor "$out/$side.jsonl" --peer "$out/$engine.jsonl" --show 20 \
      | tee "$out/agreement.$side.$engine.txt" || status=1
  done
done

for round in $(seq 1 "$rounds"); do
  log "round $round: bench_decide (Frontdoor)"
  "$bench" "$rules" "$contacts" "$repeat" > "$out/round$round.frontdoor.txt"
  log "round $round: bench_decide (Frontdoor, the peers' logic only)"
  "$bench" "$same_logic" "$contacts" "$repeat" > "$out/round$round.frontdoor-same-logic.txt"
  for engine in zen jre; do
    log "round $round: $engine"
    node "$here/run_peer.js" --engine "$engine" --contacts "$contacts" --out "$out/round.$engine.jsonl" --repeat "$repeat" \
      > "$out/round$round.$engine.txt"
  done
  for mode in explain no-explain; do
    log "round $round: frontdoor eval --jsonl ($mode)"
    flag=""; [ "$mode" = no-explain ] && flag=--no-explain
    /usr/bin/time -f "%e %U %S %M" -o "$out/round$round.eval-$mode.txt" \
      "$frontdoor" eval --rules "$rules" --jsonl $flag "$contacts" > /dev/null || [ $? -eq 1 ]
  done
done

log "summary"
/usr/bin/python3 "$here/summarise_comparison.py" --dir "$out" --rounds "$rounds" --contacts "$contacts"
echo "outputs in $out"
exit $status
