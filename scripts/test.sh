#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds everything once and runs every test (in parallel); then
# builds everything again with clang under AddressSanitizer and UndefinedBehaviorSanitizer, runs
# the tests again there, and runs each libFuzzer target for a bounded time from its seed corpus.
# Build directories: build (the main build, g++), build-fuzz (sanitizers and fuzzers, clang). Ends with a summary whose
# last line is "N passed, M failed"; exits non-zero if anything failed.
# FRONTDOOR_FUZZ_SECONDS (default 30) sets how long each fuzz target runs, FRONTDOOR_FUZZ_SEED (default 1,
# 0 for random) its libFuzzer seed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
fuzz_seconds=${FRONTDOOR_FUZZ_SECONDS:-30}
started=$SECONDS
summary=()
total_passed=0
total_failed=0

section() { printf '\n==== %s ====\n' "$*"; }

# Sets `cpu` to the CPU seconds (user + system) used so far by this script's finished children.
# `times` must run in this shell: in a pipe or $(...) a subshell would answer, with no children.
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
measure_cpu() {
    times > "$times_file"
    cpu=$(awk 'END { n = 0; for (i = 1; i <= 2; ++i) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } printf "%d", n }' "$times_file")
}
begin_stage() { stage_start=$SECONDS; measure_cpu; stage_cpu=$cpu; }
end_stage() { measure_cpu; echo "$1: $((SECONDS - stage_start)) s ($((cpu - stage_cpu)) s CPU)"; }

# Adds a stage's counts to the totals and to the summary.
record() {  # stage, passed, failed, note
    summary+=("$(printf '%-17s %s passed, %s failed%s' "$1:" "$2" "$3" "${4:+ ($4)}")")
    total_passed=$((total_passed + $2))
    total_failed=$((total_failed + $3))
}

# Runs ctest in a build directory and records its counts (read from ctest's own summary line). A
# skipped test (exit 77: Chromium, node_modules or a PostgreSQL server missing) counts as failed:
# this script installs everything the tests need, so a skip here is a test that silently did not run.
run_ctest() {  # stage, build directory, extra ctest arguments...
    local stage=$1 dir=$2 log status=0 line skipped note
    shift 2
    log=$(mktemp)
    ctest --test-dir "$dir" -j "$jobs" --output-on-failure "$@" 2>&1 | tee "$log" || status=$?
    line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
    skipped=$(grep -cE '\(Skipped\)$' "$log" || true)
    rm -f "$log"
    note=""
    ((skipped == 0)) || note="$skipped skipped, counted as failed"
    if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
        record "$stage" $((BASH_REMATCH[2] - BASH_REMATCH[1] - skipped)) $((BASH_REMATCH[1] + skipped)) "$note"
    else
        record "$stage" 0 1 "ctest did not run (status $status)"
    fi
}

section "Setup"
bash scripts/setup.sh

# Line tables only (-g1): enough for a crash's stack trace, and a third less compile time than full
# debug information (-g), most of all in the Beast and Catch2 code (measured: docs/performance.md).
section "Main build (build/)"
begin_stage
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
      -DFRONTDOOR_BENCHMARKS=ON
cmake --build build -j "$jobs"
end_stage "main build"

# Includes the benchmark smoke tests (label bench): each benchmark program runs once on a tiny
# corpus, to prove it still works; no time is checked.
section "Main tests"
run_ctest "main tests" build

# One more build, with clang, serves both the sanitizer run and the fuzzers: everything is compiled
# with AddressSanitizer and UndefinedBehaviorSanitizer (FRONTDOOR_SANITIZE), and the libraries also
# with libFuzzer's coverage instrumentation (FRONTDOOR_FUZZ). -O1 keeps assertions on; line tables
# only (-gline-tables-only) are enough for the sanitizers' stack traces. Warnings stay warnings here:
# the main build above enforces -Werror with g++.
section "Sanitizer and fuzz build (build-fuzz/: clang, ASan + UBSan, libFuzzer)"
begin_stage
if cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
         -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_CXX_FLAGS=-Wno-unknown-warning-option \
         -DFRONTDOOR_SANITIZE=ON -DFRONTDOOR_FUZZ=ON -DFRONTDOOR_WERROR=OFF -DFRONTDOOR_BENCHMARKS=OFF \
         -DFRONTDOOR_FUZZ_SECONDS="$fuzz_seconds" -DFRONTDOOR_FUZZ_SEED="${FRONTDOOR_FUZZ_SEED:-1}" \
   && cmake --build build-fuzz -j "$jobs"; then
    end_stage "sanitizer and fuzz build"
    # The browser tests (label browser) drive the same page and API as the main run: their server's
    # routes run under the sanitizers in service.workspace_api, so Chromium runs once, in the main run.
    section "Sanitizer tests (every test but the fuzzers, the browser tests and the layout check, under ASan + UBSan)"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_ctest "sanitizer tests" build-fuzz -LE "fuzz|browser|style"
    # Each target is a ctest test that fuzzes for fuzz_seconds from its seed corpus (tests/fuzz/).
    section "Fuzzing (${fuzz_seconds} s per target; crashes are kept in build-fuzz/fuzz/<target>/artifacts/)"
    run_ctest "fuzz" build-fuzz -L fuzz
else
    record "sanitizer tests" 0 1 "the sanitizer and fuzz build failed"
    record "fuzz" 0 1 "the sanitizer and fuzz build failed"
fi

measure_cpu
section "Summary ($((SECONDS - started)) s, $cpu s CPU)"
printf '%s\n' "${summary[@]}"
total=$((total_passed + total_failed))
echo "$((total ? total_passed * 100 / total : 0))% tests passed, $total_failed tests failed out of $total"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
