#!/bin/sh
# Runs one browser test (web/tests/*.test.js) with Debian's node and chromium. When something it
# needs is missing it says so loudly and exits 77 (ctest: skipped), or 1 under CI=true, where a
# missing browser must fail the run rather than pass it silently.
# Usage: run_browser_test.sh SOURCE_DIR TEST_FILE [test arguments...]
source_dir=$1
test_file=$2
shift 2
missing=""
command -v node >/dev/null 2>&1 || missing="$missing node (apt-get install nodejs);"
[ -x /usr/bin/chromium ] || missing="$missing /usr/bin/chromium (apt-get install chromium);"
[ -d "$source_dir/web/node_modules/playwright-core" ] || missing="$missing web/node_modules (npm ci in web/, scripts/setup.sh);"
[ -f "$source_dir/web/dist/index.html" ] || missing="$missing web/dist (npm run build in web/, or the web target);"
if [ -n "$missing" ]; then
    echo "SKIPPED LOUDLY: the browser test cannot run: missing$missing" >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
    exit 77
fi
exec node "$source_dir/web/tests/$test_file" "$@"
