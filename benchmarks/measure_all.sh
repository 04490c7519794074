#!/usr/bin/env bash
# Every figure of docs/performance.md, in one run (about half an hour on 2 cores):
#
#   benchmarks/measure_all.sh [BUILD_DIR] [OUT_DIR] [--skip-peers] [--skip-3m] [--steps LIST]
#
# BUILD_DIR (default build-bench) must hold frontdoor and the benchmark programs (configure with
# -DFRONTDOOR_BENCHMARKS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo). OUT_DIR (default /tmp/frontdoor-bench)
# receives the corpora, the synthetic packs and one log per step; figures are printed as they come.
# Wall-clock steps are repeated 3 times; every step prints the load average, because this machine
# is shared and other work stretches wall-clock figures (instruction counts from callgrind are not
# affected). Corpora: generate_contacts.py, Hackney 10,000 (seed 1), England 300,000 and 3,000,000
# (seed 42; the 300,000 are the first lines of the 3,000,000). --steps runs some steps only, e.g.
# --steps eval,parallel (names: growth, compile, latency, stages, callgrind, eval, parallel, 3m,
# perf, peers; the machine, corpora and synthetic packs are always done).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="$repo/build-bench" out=/tmp/frontdoor-bench peers=1 big=1 positional=()
steps=growth,compile,latency,stages,callgrind,eval,parallel,3m,perf,peers
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-peers) peers=0; shift ;;
    --skip-3m) big=0; shift ;;
    --steps) steps="$2"; shift 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
want() { [[ ",$steps," == *",$1,"* ]]; }
[ ${#positional[@]} -ge 1 ] && build="$(cd "${positional[0]}" && pwd)"
[ ${#positional[@]} -ge 2 ] && out="${positional[1]}"
mkdir -p "$out/synthetic"
fd="$build/frontdoor" b="$build/benchmarks" gen="$repo/benchmarks/generator/generate_contacts.py"
rules="$repo/rules/hackney" py=/usr/bin/python3
step() { echo; echo "=== $* ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"; }
timed() { /usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@"; }

step "machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB;" \
  "$(uname -sr); $(g++ --version | head -1); commit $(git -C "$repo" rev-parse --short HEAD)"
git -C "$repo" status --short -- engine dsl include bindings | sed 's/^/  uncommitted: /'

step "corpora"
[ -s "$out/hackney10k.jsonl" ] || $py "$gen" --count 10000 --seed 1 > "$out/hackney10k.jsonl"
if [ "$big" = 1 ]; then
  [ -s "$out/england3m.jsonl" ] || timed $py "$gen" --count 3000000 --seed 42 --profile england > "$out/england3m.jsonl"
  [ -s "$out/england300k.jsonl" ] || head -n 300000 "$out/england3m.jsonl" > "$out/england300k.jsonl"
fi
wc -l "$out"/*.jsonl

step "synthetic packs (make_pack.py) and frontdoor check"
for n in 10 100 1000 10000; do
  $py "$repo/benchmarks/synthetic/make_pack.py" --size "$n" --out "$out/synthetic/p$n" \
    --contacts "$out/synthetic/c$n.jsonl" --count 2000
  timed "$fd" check "$out/synthetic/p$n"
done

if want growth; then
step "growth curve: bench_growth, 3 runs"
specs=("hackney=$rules:$out/hackney10k.jsonl")
for n in 10 100 1000 10000; do specs+=("synthetic_$n=$out/synthetic/p$n:$out/synthetic/c$n.jsonl"); done
for run in 1 2 3; do taskset -c 0 "$b/bench_growth" "${specs[@]}"; done
fi

if want compile; then
step "compile instructions: callgrind of frontdoor check"
for pack in "$rules" "$out"/synthetic/p{10,100,1000,10000}; do
  valgrind --tool=callgrind --callgrind-out-file="$out/check.callgrind" "$fd" check "$pack" 2>&1 >/dev/null \
    | grep -oE 'refs: +[0-9,]+' | sed "s|^|$(basename "$pack"): |"
done
valgrind --tool=callgrind --callgrind-out-file="$out/check.callgrind" "$fd" --help 2>&1 >/dev/null \
  | grep -oE 'refs: +[0-9,]+' | sed 's|^|process start and exit (frontdoor --help): |'
fi

if want latency; then
step "decision latency: bench_decide, Hackney 10k, 3 runs"
for run in 1 2 3; do taskset -c 0 "$b/bench_decide" "$rules" "$out/hackney10k.jsonl" 3; done
fi

if want stages; then
step "stages: bench_pipeline, Hackney 10k, 3 runs"
for run in 1 2 3; do taskset -c 0 "$b/bench_pipeline" "$rules" "$out/hackney10k.jsonl" --passes 5; done
fi

if want callgrind; then
step "stages in instructions: callgrind_stages.sh"
"$repo/benchmarks/callgrind_stages.sh" "$build" "$rules" "$out/hackney10k.jsonl" 2000 "$out/callgrind-hackney"
for n in 10 100 1000 10000; do
  limit=1000; [ "$n" = 10000 ] && limit=100
  echo "synthetic_$n:"
  "$repo/benchmarks/callgrind_stages.sh" "$build" "$out/synthetic/p$n" "$out/synthetic/c$n.jsonl" "$limit" "$out/callgrind-$n"
done
fi

# Hackney 10k five times over (50,000 lines), so that /usr/bin/time's 10 ms steps stay small.
for i in 1 2 3 4 5; do cat "$out/hackney10k.jsonl"; done > "$out/hackney50k.jsonl"

if want eval; then
step "eval --jsonl end to end on one core (taskset -c 0), 3 runs each"
corpora=("$out/hackney50k.jsonl")
[ "$big" = 1 ] && corpora+=("$out/england300k.jsonl")
for corpus in "${corpora[@]}"; do
  for flag in --no-explain ""; do
    for run in 1 2 3; do
      echo -n "$(basename "$corpus") ${flag:-with explanation}, load $(cut -d' ' -f1 /proc/loadavg): "
      # eval exits 1 because the corpora hold refused lines; the last line is time's.
      { timed taskset -c 0 "$fd" eval --rules "$rules" --jsonl $flag "$corpus" > /dev/null || true; } 2>&1 | tail -n 1
    done
  done
done
fi

if [ "$big" = 1 ] && want parallel; then
  step "eval --jsonl on both cores (two processes over halves), England 300k, 3 runs each"
  for flag in --no-explain ""; do
    for run in 1 2 3; do "$repo/benchmarks/eval_parallel.sh" "$fd" "$out/england300k.jsonl" 2 $flag; done
  done
  "$repo/benchmarks/eval_parallel.sh" "$fd" "$out/england300k.jsonl" 2 --keep "$out/parallel-check" --check
  rm -rf "$out/parallel-check"
  step "eval --jsonl --threads 2 (one process, both cores) against --threads 1, England 300k, interleaved"
  # Five rounds, one thread then two in each, so that a drift in the machine's speed touches both;
  # compare the medians of the wall times.
  for flag in --no-explain ""; do
    for run in 1 2 3 4 5; do
      for threads in 1 2; do
        echo -n "threads $threads ${flag:-(explained)}: "
        { timed "$fd" eval --rules "$rules" --jsonl $flag --threads $threads "$out/england300k.jsonl" > /dev/null || true; } 2>&1 | tail -n 1
      done
    done
  done
fi

if [ "$big" = 1 ] && want 3m; then
  step "one year of England (3,000,000 contacts) re-decided on both cores"
  for flag in --no-explain ""; do "$repo/benchmarks/eval_parallel.sh" "$fd" "$out/england3m.jsonl" 2 $flag; done
fi

if want perf; then
step "profiles: perf record of eval --jsonl (Hackney 10k, 5 times over)"
for flag in --no-explain ""; do
  perf record -q -F 4000 -g -o "$out/perf.data" taskset -c 0 "$fd" eval --rules "$rules" --jsonl $flag \
    "$out/hackney50k.jsonl" > /dev/null 2>&1 || true
  echo "-- ${flag:-with explanation}: functions over 1.5% of samples (self)"
  perf report -i "$out/perf.data" --no-children --percent-limit 1.5 --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | cut -c1-160
done
fi

if [ "$peers" = 1 ] && want peers; then
  step "side by side with the peers: compare_with_frontdoor.sh"
  "$repo/benchmarks/peers/compare_with_frontdoor.sh" --build "$build" --contacts "$out/hackney10k.jsonl" --rounds 3 \
    --repeat 3 --out "$out/peers"
fi
step "done"
