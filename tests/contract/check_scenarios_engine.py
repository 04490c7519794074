#!/usr/bin/env python3
"""Runs every scenario in a pack's scenarios/ folder through `frontdoor eval --jsonl` and requires
each expected field to equal the engine's decision. Exit 1 with a readable diff on any mismatch.
(Stop-gap until `frontdoor test` lands: same checks, from outside the engine.)"""
import json, os, subprocess, sys

def main():
    cli, rules = sys.argv[1], sys.argv[2]
    folder = os.path.join(rules, "scenarios")
    files = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
    scenarios = [json.load(open(os.path.join(folder, f), encoding="utf-8")) for f in files]
    batch = "".join(json.dumps(s["contact"]) + "\n" for s in scenarios)
    run = subprocess.run([cli, "eval", "--rules", rules, "--jsonl", "-"], input=batch, capture_output=True, text=True)
    lines = run.stdout.splitlines()
    if len(lines) != len(files):
        print(f"expected {len(files)} output lines, got {len(lines)}\n{run.stderr}")
        return 1
    failed = 0
    for name, scenario, line in zip(files, scenarios, lines):
        decision = json.loads(line)
        for key, expected in scenario["expect"].items():
            actual = decision.get(key, decision.get("error"))
            if actual != expected:
                failed += 1
                print(f"{name}: {key}\n  expected {json.dumps(expected)}\n  got      {json.dumps(actual)}")
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
