#!/bin/sh
# The workspace's editor with a 1 MB rule file against a small one (issue 13: "a 1 MB rule file
# edits without lag"): opening it, each key's latency typing at its end and start (the browser's
# Event Timing API) beside the same typing in a 5 kB file, long tasks, and a typo's squiggle. Real
# headless Chromium against the real `frontdoor workspace`; see web/tests/large-rule-file.bench.js.
# Usage: benchmarks/workspace_large_file.sh [BUILD_DIR]   (FRONTDOOR_LARGE_FILE_BYTES: the size)
set -eu
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$source_dir/build}
mkdir -p "$build/screenshots"
exec sh "$source_dir/tests/browser/run_browser_test.sh" "$source_dir" large-rule-file.bench.js \
    --cli "$build/frontdoor" --rules "$source_dir/rules/hackney" --web "$source_dir/web/dist" \
    --screenshots "$build/screenshots"
