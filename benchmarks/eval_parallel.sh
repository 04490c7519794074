#!/usr/bin/env bash
# `frontdoor eval --jsonl` on several cores as separate processes, the yardstick of the Dask path
# (one single-threaded worker process a core): the corpus is split into line-aligned parts and one
# process per core decides each part on one thread (taskset -c i, --threads 1).
#
#   benchmarks/eval_parallel.sh FRONTDOOR CONTACTS.jsonl PROCESSES [--no-explain | --explain full|compact]
#       [--keep DIR [--sync]] [--check]
#
# Prints the time to split (split -n l/PROCESSES into a temporary directory on the same disk; not
# part of the deciding time), then each process's wall, user and system seconds and peak resident
# set (/usr/bin/time), and the wall time from starting the first process to the end of the last,
# with contacts per second. Decisions go to /dev/null unless --keep DIR keeps them (part_00.out,
# ...); with --sync each part is also synced to disk before its process counts as done, as
# `frontdoor.batch decide --output-dir` syncs its parts. --check (with --keep) also decides the whole file in one process and checks that the parts'
# outputs, put back in order, are the same lines (refusals carry line numbers counted within their
# part, so those are compared after adding the part's offset).
set -euo pipefail
frontdoor="$1" contacts="$2" processes="$3"
shift 3
explain="" keep="" check=0 sync=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-explain) explain=--no-explain; shift ;;
    --explain) explain="--explain $2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --check) check=1; shift ;;
    --sync) sync=1; shift ;;
    *) echo "eval_parallel.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
rules="$(cd "$(dirname "$0")/.." && pwd)/rules/hackney"
# The cores this script may use. Not plain `nproc`, which answers OMP_NUM_THREADS when it is set: a
# Dask client sets it to 1 in its own environment, and every process was then pinned to core 0.
cores=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)
work="$(mktemp -d "${TMPDIR:-/tmp}/eval_parallel.XXXXXX")"
trap 'rm -rf "$work"' EXIT
lines=$(wc -l < "$contacts")
echo "corpus $contacts: $lines lines; $processes processes; ${explain:-with explanation}; load $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
split -n "l/$processes" -d -a 2 "$contacts" "$work/part_"
t1=$(date +%s.%N)
echo "split: $(echo "$t1 - $t0" | bc) s"
start=$(date +%s.%N)
pids=()
for i in $(seq 0 $((processes - 1))); do
  part=$(printf '%s/part_%02d' "$work" "$i")
  target=/dev/null
  [ -n "$keep" ] && { mkdir -p "$keep"; target=$(printf '%s/part_%02d.out' "$keep" "$i"); }
  # eval exits 1 when some contact was refused: that is not a failure here.
  ( ( /usr/bin/time -f "%e %U %S %M" -o "$part.time" taskset -c $((i % cores)) \
      "$frontdoor" eval --rules "$rules" --jsonl --threads 1 $explain "$part" > "$target" || [ $? -eq 1 ] )
    if [ "$sync" = 1 ] && [ -n "$keep" ]; then sync "$target"; fi ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc)
for i in $(seq 0 $((processes - 1))); do
  part=$(printf '%s/part_%02d' "$work" "$i")
  read -r e u s m < <(tail -n 1 "$part.time")
  echo "process $i (core $((i % cores))): $(wc -l < "$part") lines, wall $e s, user $u s, sys $s s, peak RSS $((m / 1024)) MiB"
done
echo "wall $wall s for $lines contacts: $(echo "$lines / $wall" | bc) contacts/s; load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$check" = 1 ] && [ -n "$keep" ]; then
  "$frontdoor" eval --rules "$rules" --jsonl $explain "$contacts" > "$keep/whole.out" || [ $? -eq 1 ]
  offset=0
  for i in $(seq 0 $((processes - 1))); do
    part=$(printf '%s/part_%02d' "$work" "$i")
    # Refusals: {"line":N,...} counted within the part; shift N by the lines of the parts before.
    sed -E "s/^\{\"line\":([0-9]+),/{\"line\":__\1__,/" "$(printf '%s/part_%02d.out' "$keep" "$i")" \
      | awk -v off="$offset" '{ if (match($0, /__[0-9]+__/)) { n = substr($0, RSTART + 2, RLENGTH - 4) + off;
          $0 = substr($0, 1, RSTART - 1) n substr($0, RSTART + RLENGTH) } print }'
    offset=$((offset + $(wc -l < "$part")))
  done > "$keep/joined.out"
  if cmp -s "$keep/joined.out" "$keep/whole.out"; then echo "check: the parts' decisions, in order, equal one process's ($lines lines)"
  else echo "check: the parts' decisions differ from one process's"; exit 1; fi
fi
