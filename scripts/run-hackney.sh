#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds the CLI and decides the Hackney pack's sample contacts
# (one per scenario), printing one decision per line. The scenarios include malformed contacts on
# purpose, to show refusals: `eval` exits 1 when it refuses any line, so this script exits 0 only
# when the refused lines are exactly the scenarios that expect a refusal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTDOOR_TESTS=OFF -DFRONTDOOR_BENCHMARKS=OFF >/dev/null
cmake --build build -j "$(nproc)" --target frontdoor
build/frontdoor check rules/hackney
python3 -c 'import json,glob,sys
for f in sorted(glob.glob("rules/hackney/scenarios/*.json")): print(json.dumps(json.load(open(f))["contact"]))' \
  > build/hackney-sample-contacts.jsonl
python3 -c 'import json,glob
for i, f in enumerate(sorted(glob.glob("rules/hackney/scenarios/*.json")), 1):
    if "expect_refusal" in json.load(open(f)): print(i)' > build/hackney-sample-refusals.txt
status=0
build/frontdoor eval --rules rules/hackney --jsonl build/hackney-sample-contacts.jsonl | tee build/hackney-sample-decisions.jsonl \
  || status=$?
python3 -c 'import json
lines = [json.loads(l) for l in open("build/hackney-sample-decisions.jsonl")]
refused = [d["line"] for d in lines if "error" in d]
expected = [int(l) for l in open("build/hackney-sample-refusals.txt")]
print(f"{len(lines) - len(refused)} sample contacts decided, {len(refused)} refused", end="")
if refused != expected:
    raise SystemExit(f"; expected refusals on lines {expected}, got {refused}")
print(", as their scenarios expect")' >&2
[ "$status" -le 1 ] || exit "$status"
