#!/usr/bin/env bash
# Load benchmark of `frontdoor serve` on loopback (issue 12), with `eval --jsonl` on the same contacts
# in the same run, so that the cost of HTTP reads as a ratio. Server and clients share the machine's
# cores (2 here); nothing is pinned unless --pin is given (server on CPU 0, clients on CPU 1).
#
#   benchmarks/serve_load.sh --cli build/frontdoor --latency build/benchmarks/bench_serve_latency
#       [--floor build/benchmarks/bench_http_floor]
#       [--contacts FILE | --count 20000] [--seconds 10] [--connections 64] [--rates "1000 10000"] [--pin]
#       [--server-threads 2]
#
# --server-threads is the I/O threads of the server and of the bare ceiling (serve --threads): 2,
# one a hardware thread here, by default. Sharing its cores with wrk, a server with more I/O threads
# than cores is preempted less by the client's wakeups (docs/performance.md, "More I/O threads than
# cores"), so a run at 8 measures that configuration.
#
# Steps, each printing its figures (docs/performance.md, "The decision service", records a run):
#   1. eval --jsonl decisions/s, with and without the explanation;
#   1b. with --floor, the ceiling: the same wrk command against bench_http_floor, a bare Beast server
#      with nothing of Frontdoor's that answers every POST with a body the size of a decision
#      (explained and not), so the service's throughput reads as a share of what HTTP and the
#      kernel's loopback alone allow on these cores;
#   2. saturation: wrk (keep-alive, round robin over the contacts, benchmarks/serve/post_contacts.lua)
#      for --seconds, with and without ?explain=false; again with --record LOG when `serve --help`
#      lists --record (skipped, saying so, when it does not yet), on --connections, twice and four
#      times as many (a recorded request waits for its commit), each on a fresh log;
#   3. latency at fixed rates (bench_serve_latency, open loop, measured from when each request was
#      due): each of --rates, then half the saturation throughput with the explanation.
# Contacts come from benchmarks/generator/generate_contacts.py (Hackney profile, no malformed
# lines, so every answer is a 200). Any non-200 answer or failed step exits non-zero.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rules="$here/../rules/hackney"
cli="" latency="" floor="" contacts="" count=20000 seconds=10 connections=64 rates="1000 10000" pin=0 server_threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --latency) latency="$2"; shift 2 ;;
    --floor) floor="$2"; shift 2 ;;
    --contacts) contacts="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --pin) pin=1; shift ;;
    --server-threads) server_threads="$2"; shift 2 ;;
    *) echo "serve_load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$cli" ] && [ -x "$latency" ] || { echo "serve_load.sh: give --cli FRONTDOOR and --latency BENCH_SERVE_LATENCY" >&2; exit 2; }
command -v wrk > /dev/null || { echo "serve_load.sh: wrk is not installed (scripts/setup.sh installs it)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/serve_load.XXXXXX")"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT
server_cpu="" client_cpu=""
[ "$pin" = 1 ] && { server_cpu="taskset -c 0"; client_cpu="taskset -c 1"; }

if [ -z "$contacts" ]; then
  contacts="$work/contacts.jsonl"
  /usr/bin/python3 "$here/generator/generate_contacts.py" --count "$count" --seed 12 --malformed-share 0 > "$contacts"
fi
lines=$(grep -c . "$contacts")
echo "machine: $(nproc) cores, server I/O threads: $server_threads, $(uptime | sed 's/.*load average/load average/'); contacts: $lines ($contacts)"

# 1. The CLI on the same contacts, one process, as the baseline. Its start (loading the pack) is timed
# on an empty input and taken off, since the server loads its pack once before listening.
seconds_of() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
startup=$(seconds_of "$cli" eval --rules "$rules" --jsonl /dev/null)
for explain in "" --no-explain; do
  wall=$(seconds_of "$cli" eval --rules "$rules" --jsonl $explain "$contacts")
  decide=$(echo "if ($wall - $startup > 0.001) $wall - $startup else 0.001" | bc -l)
  printf 'eval --jsonl %-13s %8.0f decisions/s  (%.2f s, of which %.2f s start and pack load, taken off)\n' \
    "${explain:-(explain)}" "$(echo "$lines / $decide" | bc -l)" "$wall" "$startup"
done

# Starts the server (extra arguments appended) and sets $port. A fixed-rate step keeps its 16
# connections for the whole step (more than the default 10,000 requests each past 16,000/s for 10 s),
# so the per-connection limit is lifted here.
# Sets $port once the server just started ($server_pid) has printed its "listening on" line into
# $work/listening, which the caller empties before starting it: the redirection that empties it too
# happens in the background child, which on a busy machine can run after this has read the last
# server's line. Leaves $port empty when the server exits first or is not listening within 30 s.
wait_for_port() {
  port=""
  for _ in $(seq 300); do
    port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9][0-9]*\)$|\1|p' "$work/listening" 2> /dev/null)
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2> /dev/null || return 0
    sleep 0.1
  done
}

start_server() {
  : > "$work/listening"
  $server_cpu "$cli" serve --rules "$rules" --no-auth --listen 127.0.0.1:0 --threads "$server_threads" \
    --max-requests-per-connection 100000000 "$@" > "$work/listening" 2> "$work/server.log" &
  server_pid=$!
  wait_for_port
  if [ -z "$port" ]; then
    if kill -0 "$server_pid" 2> /dev/null; then echo "serve_load.sh: the server is not listening after 30 s:" >&2
    else
      local status=0
      wait "$server_pid" || status=$?
      echo "serve_load.sh: the server exited with status $status before listening:" >&2
      server_pid=""
    fi
    cat "$work/listening" "$work/server.log" >&2
    exit 1
  fi
}

# Runs wrk at saturation on $2 (a path) of the server on $port, $3 naming it (default serve), on $4
# connections (default --connections); prints its summary line labelled $1 and sets $throughput.
saturate() {
  local label="$1" path="$2" what="${3:-serve}" many="${4:-$connections}" out
  out=$($client_cpu wrk -t2 -c"$many" -d"${seconds}s" --latency -s "$here/serve/post_contacts.lua" \
        "http://127.0.0.1:$port" -- "$contacts" "$path")
  if grep -q "Non-2xx\|Socket errors" <<< "$out"; then echo "$out" >&2; echo "serve_load.sh: errors under load" >&2; exit 1; fi
  throughput=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  local p50 p99
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out"); p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  printf '%s saturated %-22s %8s requests/s  (wrk -c%s: p50 %s, p99 %s at saturation)\n' "$what" "$label" "$throughput" "$many" "$p50" "$p99"
}

# 1b. The ceiling: a bare Beast server on the same cores, answering bodies of a decision's sizes.
ceiling_explain="" ceiling_plain=""
if [ -n "$floor" ]; then
  [ -x "$floor" ] || { echo "serve_load.sh: --floor $floor is not a program" >&2; exit 2; }
  for explain in "" --no-explain; do
    bytes=$(head -n 1 "$contacts" | "$cli" eval --rules "$rules" --jsonl $explain | wc -c)
    : > "$work/listening"
    $server_cpu "$floor" --threads "$server_threads" --contexts per-thread --body-bytes "$bytes" > "$work/listening" 2> "$work/server.log" &
    server_pid=$!
    wait_for_port
    [ -n "$port" ] || { echo "serve_load.sh: the bare HTTP server did not listen:" >&2; cat "$work/server.log" >&2; exit 1; }
    saturate "($bytes-byte answers)" / "bare HTTP"
    if [ -z "$explain" ]; then ceiling_explain=$throughput; else ceiling_plain=$throughput; fi
    stop_server
  done
fi
# Prints what share of the ceiling $2 the throughput $1 is, when there is a ceiling.
share_of() {
  if [ -n "$2" ]; then printf '  = %.0f%% of the bare HTTP ceiling (%s/s)\n' "$(echo "100 * $1 / $2" | bc -l)" "$2"; fi
}

# 2. Saturation, then 3. fixed rates on the same server.
start_server
saturate "(explain)" /v1/decisions
saturated=$throughput
share_of "$saturated" "$ceiling_explain"
saturate "(explain=false)" "/v1/decisions?explain=false"
share_of "$throughput" "$ceiling_plain"
half=$((saturated / 2))
for rate in $rates $half; do
  label="$rate/s"; [ "$rate" = "$half" ] && label="$rate/s (50% of saturation)"
  printf 'serve fixed rate %-28s ' "$label"
  $client_cpu "$latency" --port "$port" --contacts "$contacts" --rate "$rate" --seconds "$seconds" --connections 16
done
stop_server

if "$cli" serve --help 2>&1 | grep -q -- "--record"; then
  # A recorded request waits for its group's commit, so throughput grows with the connections until
  # the log's writer is busy: saturation is the best of $connections, twice and four times as many,
  # each on a fresh log (a log of some GB is slower to append to; docs/performance.md).
  best=0
  for many in "$connections" $((connections * 2)) $((connections * 4)); do
    rm -f "$work"/decisions.db*
    start_server --record "$work/decisions.db"
    saturate "(explain, --record)" /v1/decisions serve "$many"
    stop_server
    [ "$throughput" -gt "$best" ] && best=$throughput
  done
  echo "serve saturated with --record, best of the three: $best requests/s"
  rm -f "$work"/decisions.db*
  start_server --record "$work/decisions.db"
  for rate in $rates; do
    printf 'serve fixed rate %-28s ' "$rate/s (--record)"
    # A recorded request waits for its group's commit: an open-loop client with one request outstanding
    # a connection needs rate x commit time of them (10,000/s x 10 ms = 100), so as many as wrk has.
    $client_cpu "$latency" --port "$port" --contacts "$contacts" --rate "$rate" --seconds "$seconds" --connections "$connections"
  done
  stop_server
else
  echo "serve --record: not in this build yet; skipped"
fi
echo "machine after: $(uptime | sed 's/.*load average/load average/')"
