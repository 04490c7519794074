#!/usr/bin/env python3
"""`eval --explain compact`, `explain-dictionary` and `expand` (issue 15, a leaner explanation): the
compact answers, expanded by the pack that made them, are byte for byte what `eval` prints; refusal
lines are the same in both forms; the dictionary holds every entry referred to; a decision of
another pack is not expanded (named by line, exit 1); a recorded log of compact decisions verifies,
replays, and `audit show` prints its explanation in full."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import contact_corpus  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402


def run(cli, *args, stdin=None):
    done = subprocess.run([cli, *args], input=stdin, capture_output=True, timeout=300)
    return done.returncode, done.stdout, done.stderr.decode(errors="replace")


def main():
    options = parse_args()
    cli, rules = options.cli, options.rules
    with tempfile.TemporaryDirectory() as scratch:
        corpus = os.path.join(scratch, "contacts.jsonl")
        with open(corpus, "w", encoding="utf-8") as out:
            for contact in contact_corpus.valid_contacts(21, 1500):
                out.write(json.dumps(contact) + "\n")
            for contact, _ in contact_corpus.invalid_contacts(22, 100):
                out.write(json.dumps(contact) + "\n")
            out.write("not json\n")
        code, full, _ = run(cli, "eval", "--rules", rules, "--jsonl", corpus)
        check(code == 1, f"eval: exit 1 (refused lines), got {code}")
        code, compact, _ = run(cli, "eval", "--rules", rules, "--jsonl", "--explain", "compact", corpus)
        check(code == 1 and compact.count(b"\n") == full.count(b"\n"), "compact: one answer a line, exit 1")
        check(b'"$ref":' in compact and b'"$ref":' not in full, "the compact answers refer to the dictionary")
        check(len(compact) * 10 < len(full) * 7, f"compact is at least 30% smaller: {len(compact)} of {len(full)}")
        code, expanded, err = run(cli, "expand", "--rules", rules, stdin=compact)
        check(code == 0 and expanded == full, f"expand gives eval's bytes, exit 0: {code} {err[:300]}")
        refusals = [line for line in full.splitlines() if line.startswith(b'{"line":')]
        check(refusals and all(line in compact.splitlines() for line in refusals), "refusal lines are the same")

        code, dictionary, _ = run(cli, "explain-dictionary", "--rules", rules)
        entries = json.loads(dictionary)["entries"] if code == 0 else []
        first = json.loads(compact.splitlines()[0])
        check(code == 0 and json.loads(dictionary)["ruleset"] == first["ruleset"], "the dictionary names the pack")
        check(all(step["$ref"] < len(entries) for step in first["explanation"]), "every $ref is an entry")

        other = os.path.join(scratch, "other")
        shutil.copytree(rules, other)
        with open(os.path.join(other, "pack.rules"), "a", encoding="utf-8") as f:
            f.write("\n# another digest\n")
        code, out, err = run(cli, "expand", "--rules", other, stdin=compact.splitlines()[0] + b"\n")
        check(code == 1 and out == b"" and "line 1: the decision was made by pack sha256:" in err,
              f"another pack's decision is refused by line: {code} {err[:300]}")
        code, _, err = run(cli, "eval", "--rules", rules, "--explain", "brief", corpus)
        check(code == 2 and "--explain is full or compact, not 'brief'" in err, f"--explain brief: {code} {err}")
        code, _, err = run(cli, "eval", "--rules", rules, "--explain", "compact", "--no-explain", corpus)
        check(code == 2 and "say opposite things" in err, f"--explain compact --no-explain: {code} {err}")

        log = os.path.join(scratch, "log.db")
        code, recorded, _ = run(cli, "eval", "--rules", rules, "--jsonl", "--explain", "compact", "--record", log, corpus)
        check(code == 1 and recorded == compact, "recorded compact: the same answers")
        code, out, _ = run(cli, "audit", "verify", "--log", log)
        check(code == 0, f"audit verify of a compact log: {out[:200]}")
        code, out, _ = run(cli, "replay", "--log", log)
        check(code == 0 and b"every decision is identical" in out, f"replay of a compact log: {out[:300]}")
        code, out, _ = run(cli, "audit", "show", "--log", log, "--record", "1", "--format", "json")
        shown = json.loads(out)[0]["decision"] if code == 0 else {}
        check(shown == json.loads(full.splitlines()[0]), "audit show answers the recorded decision in full")
    finish()


if __name__ == "__main__":
    main()
