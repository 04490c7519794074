#!/usr/bin/env bash
# Installs the pinned peer engines (package-lock.json) into benchmarks/peers/node_modules.
# Needs node >= 18 and npm; node_modules is git-ignored.
set -euo pipefail
cd "$(dirname "$0")"
command -v node >/dev/null || { echo "setup.sh: node is not installed" >&2; exit 1; }
npm ci --no-audit --no-fund
node -e "require('@gorules/zen-engine'); require('json-rules-engine'); console.log('peers ready: zen-engine ' + require('@gorules/zen-engine/package.json').version + ', json-rules-engine ' + require('json-rules-engine/package.json').version)"
