#!/usr/bin/env bash
# Instructions per contact for each stage of bench_pipeline, counted by valgrind's callgrind: a
# figure that other work on the machine does not move (unlike wall-clock time).
#
#   benchmarks/callgrind_stages.sh BUILD_DIR RULES_DIR CONTACTS.jsonl [LIMIT] [OUT_DIR]
#
# Runs bench_pipeline once (--passes 1) on the first LIMIT contacts (default 2000) under callgrind,
# with a counter dump each time a stage function is entered (--dump-before='*stage_*'): the dump
# taken before stage k+1 holds exactly what stage k executed (plus a few hundred instructions of
# timing code). Prints instructions per contact of the corpus for each stage; "validate" is the
# two-pass read minus parse and "write decision JSON" is decide minus evaluate, as in
# bench_pipeline's own table. The sum is of read lines, read (Pack::read: one pass, else two, and
# the refusal rules), evaluate, write decision JSON and write output lines.
# The dumps stay in OUT_DIR (default: a new temporary directory) for callgrind_annotate.
set -euo pipefail
build="$1" rules="$2" contacts="$3" limit="${4:-2000}" out="${5:-$(mktemp -d)}"
mkdir -p "$out"
rm -f "$out"/callgrind.out*
valgrind --tool=callgrind --dump-before='*stage_*' --callgrind-out-file="$out/callgrind.out" \
  "$build/benchmarks/bench_pipeline" "$rules" "$contacts" --passes 1 --limit "$limit" --out "$out/decisions.jsonl" \
  > "$out/bench_pipeline.txt" 2> "$out/valgrind.txt"
/usr/bin/python3 - "$out" <<'EOF'
import glob, re, sys
out = sys.argv[1]
report = open(f"{out}/bench_pipeline.txt").read()
n = int(re.search(r"^corpus [^:]*: (\d+) contacts", report, re.M).group(1))
# Stages in the order bench_pipeline runs them; g++ folds identical functions (-fipa-icf), so
# stage_write_output<true> may carry the name of <false>: the order, not the name, says which.
order = ["read_lines", "parse_json", "parse_nlohmann", "parse_simdjson", "read_two_passes", "read_one_pass", "read_and_validate", "evaluate<false>", "decide<false>",
         "write_output<false>", "end_to_end<false>", "evaluate<true>", "decide<true>", "write_output", "end_to_end<true>",
         "finished"]
dumps = sorted(glob.glob(f"{out}/callgrind.out.*"), key=lambda f: int(f.rsplit(".", 1)[1]))
names, totals = [], []
for f in dumps:
    text = open(f).read()
    names.append(re.search(r"^desc: Trigger: --dump-before=.*?stage_(\w+(<\w+>)?)", text, re.M).group(1))
    totals.append(int(re.search(r"^totals: (\d+)", text, re.M).group(1)))
if len(names) != len(order) or any(not a.startswith(b.split("<")[0]) for a, b in zip(names, order)):
    sys.exit(f"unexpected stage dumps: {names}")
cost = {stage: totals[i + 1] / n for i, stage in enumerate(order[:-1])}
print(f"instructions per contact of the corpus ({n} contacts), from callgrind")
print("| stage | without explanation | with explanation |\n|---|---|---|")
parts = [("parse JSON (engine's strict reader)", cost["parse_json"]),
         ("validate (two passes minus parse)", cost["read_two_passes"] - cost["parse_json"]),
         ("read in two passes (strict reader, declared input)", cost["read_two_passes"]),
         ("read in one pass (simdjson), alone", cost["read_one_pass"])]
rows = [("read lines (getline)", cost["read_lines"], cost["read_lines"]),
        ("read (Pack::read: one pass else two, refusals)", cost["read_and_validate"], cost["read_and_validate"]),
        ("evaluate (no output written)", cost["evaluate<false>"], cost["evaluate<true>"]),
        ("write decision JSON (decide minus evaluate)", cost["decide<false>"] - cost["evaluate<false>"],
         cost["decide<true>"] - cost["evaluate<true>"]),
        ("write output lines", cost["write_output<false>"], cost["write_output"])]
whole = (cost["end_to_end<false>"], cost["end_to_end<true>"])
for name, a, b in rows[:1] + [(name, a, a) for name, a in parts] + rows[1:]:
    print(f"| {name} | {a:,.0f} ({100 * a / whole[0]:.1f}%) | {b:,.0f} ({100 * b / whole[1]:.1f}%) |")
print(f"| sum of the stages | {sum(r[1] for r in rows):,.0f} | {sum(r[2] for r in rows):,.0f} |")
print(f"| end to end in one loop | {whole[0]:,.0f} (100%) | {whole[1]:,.0f} (100%) |")
print(f"| for comparison: nlohmann::json::parse | {cost['parse_nlohmann']:,.0f} | |")
print(f"| for comparison: simdjson on-demand, every value touched | {cost['parse_simdjson']:,.0f} | |")
EOF
echo "callgrind dumps: $out/callgrind.out.*"
