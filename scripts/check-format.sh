#!/usr/bin/env bash
# Lists the C++ files (tracked by git) whose layout differs from .clang-format, one per line, and
# exits 1 if there is any, 0 if there is none, 2 if clang-format is missing or fails on a file.
# CLANG_FORMAT names the program (default clang-format; the layout was measured with Debian 12's
# clang-format 14, and other versions lay some code out differently). To fix the files it lists:
#   scripts/check-format.sh | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" > /dev/null; then
    echo "check-format: $clang_format not found (apt-get install clang-format)" >&2
    exit 2
fi
formatted=$(mktemp)
trap 'rm -f "$formatted"' EXIT
checked=0
differ=0
failed=0
while IFS= read -r -d '' file; do
    checked=$((checked + 1))
    if ! "$clang_format" --style=file "$file" > "$formatted"; then
        echo "check-format: $clang_format failed on $file" >&2
        failed=$((failed + 1))
    elif ! cmp -s "$formatted" "$file"; then
        echo "$file"
        differ=$((differ + 1))
    fi
done < <(git ls-files -z -- '*.cpp' '*.hpp' '*.h' '*.cc')
if [ "$checked" -eq 0 ]; then
    echo "check-format: no C++ files found (run it in a git checkout)" >&2
    exit 2
fi
echo "check-format: $differ of $checked files differ from .clang-format ($("$clang_format" --version))" >&2
if [ "$failed" -gt 0 ]; then exit 2; fi
if [ "$differ" -gt 0 ]; then exit 1; fi
