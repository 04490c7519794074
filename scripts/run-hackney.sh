#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds the CLI and decides the Hackney pack's sample contacts
# (one per scenario), printing one decision per line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTDOOR_TESTS=OFF -DFRONTDOOR_BENCHMARKS=OFF >/dev/null
cmake --build build -j "$(nproc)" --target frontdoor
build/frontdoor check rules/hackney
python3 -c 'import json,glob,sys
for f in sorted(glob.glob("rules/hackney/scenarios/*.json")): print(json.dumps(json.load(open(f))["contact"]))' \
  > build/hackney-sample-contacts.jsonl
build/frontdoor eval --rules rules/hackney --jsonl build/hackney-sample-contacts.jsonl
