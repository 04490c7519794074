#!/usr/bin/env python3
"""`frontdoor eval --jsonl --threads N` (issue 15, every core in one process) prints the same bytes,
exits with the same status and records the same log as one thread, whatever N: decisions and
refusals in input order, refused lines named by their number, a recorded log whose chain verifies
and whose records are those of a one-thread run, in the same order.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import contact_corpus  # noqa: E402
from contract_harness import check, finish, parse_args  # noqa: E402


def write_corpus(path):
    """Valid and refused contacts mixed, with lines a batch refuses before reading them as JSON."""
    valid = contact_corpus.valid_contacts(11, 2500)
    invalid = [contact for contact, _ in contact_corpus.invalid_contacts(12, 300)]
    with open(path, "w", encoding="utf-8") as out:
        for index, contact in enumerate(valid):
            out.write(json.dumps(contact) + "\n")
            if index % 9 == 0 and invalid:
                out.write(json.dumps(invalid.pop()) + "\n")
            if index % 500 == 0:
                out.write("not json\n\n   \n")
            if index == 1200:
                out.write("{\"a\": 1}\r{\"b\": 2}\n")  # a CR that does not end the line


def eval_jsonl(cli, rules, corpus, threads, *extra):
    done = subprocess.run([cli, "eval", "--rules", rules, "--jsonl", "--threads", str(threads), *extra, corpus],
                          capture_output=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def records(log):
    with sqlite3.connect(log) as db:
        return db.execute("SELECT contact_id, input, decision, pack_digest FROM records ORDER BY id").fetchall()


def main():
    options = parse_args()
    cli, rules = options.cli, options.rules
    with tempfile.TemporaryDirectory() as scratch:
        corpus = os.path.join(scratch, "contacts.jsonl")
        write_corpus(corpus)
        for explain in ([], ["--no-explain"]):
            one = eval_jsonl(cli, rules, corpus, 1, *explain)
            check(one[0] == 1 and one[1].count(b"\n") > 2500, f"one thread {explain}: exit 1 with every line answered")
            check(b'{"line":' in one[1] and b"carriage return" in one[1], "refused lines are answered by number")
            for threads in (2, 3, 8):
                many = eval_jsonl(cli, rules, corpus, threads, *explain)
                check(many[0] == one[0], f"--threads {threads} {explain}: exit {many[0]}, one thread {one[0]}")
                check(many[1] == one[1], f"--threads {threads} {explain}: the same bytes as one thread")
                check(many[2] == one[2], f"--threads {threads} {explain}: the same words on standard error")
        logs = {}
        for threads in (1, 4):
            log = os.path.join(scratch, f"log{threads}.db")
            code, out, err = eval_jsonl(cli, rules, corpus, threads, "--record", log)
            check(code == 1, f"recorded --threads {threads}: exit 1 (refused lines), got {code}: {err!r}")
            verified = subprocess.run([cli, "audit", "verify", "--log", log], capture_output=True, text=True, timeout=120)
            check(verified.returncode == 0, f"recorded --threads {threads}: audit verify: {verified.stdout}")
            logs[threads] = (out, records(log))
        check(logs[4][0] == logs[1][0], "recorded: four threads print what one prints")
        check(len(logs[1][1]) > 2000 and logs[4][1] == logs[1][1],
              "recorded: four threads record the same records in the same order as one")
    finish()


if __name__ == "__main__":
    main()
